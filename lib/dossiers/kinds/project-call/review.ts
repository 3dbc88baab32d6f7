/**
 * The data of the ARS page of an AAP HOP'EN2 project (`/ars/dossiers/[id]`, guichet kind
 * PROJECT_CALL), next to the common review (dossier-review.ts): the project as last transmitted
 * (its snapshot, as for every kind: the porteur's edits under a change request are not the ARS's
 * business until transmitted), read with the kind's facts (perimeter in the reference data,
 * activité combinée, category and cap, eligibility conditions, GHT validations), the ARS's
 * selection record and payments, and the proofs of June 2027. Plain serialisable data.
 */
import { documentKindLabel } from "@/lib/dossiers/document-kinds";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { dossierScope } from "@/lib/dossiers/dossier-view";
import { TARGET_KINDS } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ConditionState, EligibilityConditionKey } from "@/lib/dossiers/kinds/project-call/eligibility";
import { loadProjectCallFacts, projectDraftOf } from "@/lib/dossiers/kinds/project-call/facts";
import { selectionOf, type ProjectSelectionRecord, type ProofDecisionRecord } from "@/lib/dossiers/kinds/project-call/selection";
import { proofDraftOf } from "@/lib/dossiers/kinds/project-call/store";
import { PROJECT_CALL_THEMES, themeObjective, type ProjectCallThemeKey } from "@/lib/dossiers/kinds/project-call/themes";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { canInstructDossier } from "@/lib/dossiers/policy";
import { aapPayments, type AapCategory } from "@/lib/funding/aap";
import type { Cents } from "@/lib/funding/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import type { DossierReview } from "@/lib/instruction/dossier-review";

/** A transmitted document (downloaded through /api/fichiers/<fileId>), with what it is about. */
export type ProjectDocument = DossierSnapshot["documents"][number] & {
  /** The GHT id (GHT_VALIDATION), the partner id (PARTNER_COMMITMENT), the target id (TARGET_PROOF). */
  subject: string | null;
  /** « Lettre d'engagement d'un partenaire industriel — Éditeur X ». */
  label: string;
};

export interface ProjectPerimeterRow {
  siteFiness: string;
  /** Null when the EG is not in the portal's reference data. */
  siteName: string | null;
  legalEntityFiness: string;
  legalEntityName: string | null;
  finessPmsi: string | null;
  /** The activité combinée the category reads for this FINESS PMSI (official, else the SAE estimate). */
  activity: { value: number | null; year: number | null; isEstimate: boolean } | null;
}

export type ProjectCategoryView = { known: true; category: AapCategory; capCents: Cents } | { known: false; missingFinessPmsi: string[] };

export interface ProjectObjectiveView {
  code: string;
  label: string;
  expectedResults: string[];
  /** What the porteur wrote about it. */
  description: string;
}

export interface ProjectEligibilityView {
  eligible: boolean;
  conditions: { key: EligibilityConditionKey; state: ConditionState; label: string; explanation: string }[];
}

export interface ProjectTargetView {
  id: string;
  kindLabel: string | null;
  description: string;
}

export interface ProjectSelectionView extends Omit<ProjectSelectionRecord, "proof"> {
  decidedBy: string;
  proof: (ProofDecisionRecord & { decidedBy: string }) | null;
}

export interface ProjectPaymentsView {
  /** 50 % on acceptance (source 001). */
  firstCents: Cents;
  /** 50 % once the objectives are validated by the ARS. */
  secondCents: Cents;
  /** PENDING until the ARS rules on the proofs, DUE once validated, CANCELLED when not met. */
  second: "PENDING" | "DUE" | "CANCELLED";
}

export interface ProjectProofTargetView extends ProjectTargetView {
  reached: boolean | null;
  comment: string;
  documents: ProjectDocument[];
}

export interface ProjectCallReview {
  dossierId: string;
  number: string;
  status: DossierStatus;
  /** The version read: every ARS action names it. */
  version: number;
  /** The transmission shown (the latest). */
  transmission: { sequence: number; submittedAt: string } | null;
  porteur: { finessPmsi: string; name: string | null };
  perimeter: ProjectPerimeterRow[];
  /** Cumulated activité combinée of the perimeter, when every FINESS PMSI has one. */
  combinedActivity: number | null;
  category: ProjectCategoryView;
  theme: { key: ProjectCallThemeKey; label: string } | null;
  objectives: ProjectObjectiveView[];
  /** Conditions of the theme, on the portal's data of today. */
  eligibility: ProjectEligibilityView | null;
  responsible: { name: string; email: string; profession: string };
  team: { name: string; email: string; profession: string; coLead: boolean }[];
  businessStakes: string;
  operationalObjectives: string;
  siWorkstreams: string;
  targets: ProjectTargetView[];
  forecast: { "2026": Cents | null; "2027": Cents | null };
  partners: { id: string; name: string; letters: ProjectDocument[] }[];
  ghtValidations: { ghtId: string; name: string; required: boolean; documents: ProjectDocument[] }[];
  /** Documents of the transmission that belong to none of the above (a removed partner's letter…). */
  otherDocuments: ProjectDocument[];
  selection: ProjectSelectionView | null;
  payments: ProjectPaymentsView | null;
  /** The proofs as last transmitted (from the first proof transmission on). */
  proof: { targets: ProjectProofTargetView[] } | null;
  /** The open request for more proofs (status PROOF_CHANGES_REQUESTED). */
  openProofChangeRequest: { message: string; createdAt: string } | null;
  /** The grid can be filled and the decision taken now (instructor of the region, transmitted, instruction open, category known). */
  canDecideSelection: boolean;
  /** Why the selection cannot be decided although the project is under instruction. */
  selectionBlockedReason: string | null;
  /** The proofs can be ruled on now (instructor of the region, status PROOF_SUBMITTED). */
  canReviewProof: boolean;
}

const PROOF_STATUSES: readonly DossierStatus[] = ["PROOF_SUBMITTED", "PROOF_CHANGES_REQUESTED", "OBJECTIVES_VALIDATED", "OBJECTIVES_NOT_MET"];


const TARGET_KIND_LABELS: Record<string, string> = Object.fromEntries(TARGET_KINDS.map((kind) => [kind.key, kind.label]));

/** The project screen of one AAP dossier, from its common review (same access rules: loadDossierReview). */
export async function loadProjectCallReview(db: Database, user: CurrentUser, review: DossierReview): Promise<ProjectCallReview> {
  const { row } = review;
  const snapshot = review.transmitted?.snapshot ?? null;
  // The project as transmitted; a dossier past its draft always has a snapshot, the live row is a fallback.
  const data = (snapshot ? snapshot.data : row.data) as Prisma.JsonValue;
  const draft = projectDraftOf({ data });
  const facts = await loadProjectCallFacts(db, { id: row.id, guichetId: row.guichetId, data, documents: [] }, draft);
  const record = selectionOf(row);

  const ejFiness = [...new Set([...draft.perimeter.map((site) => facts.sites[site.siteFiness]?.legalEntityFiness ?? site.legalEntityFiness), row.carrierFiness].filter(Boolean))];
  const deciders = [record?.decidedById, record?.proof?.decidedById].filter((id): id is string => Boolean(id));
  const [legalEntities, users] = await Promise.all([
    ejFiness.length === 0 ? [] : db.legalEntity.findMany({ where: { finess: { in: ejFiness } }, select: { finess: true, name: true } }),
    deciders.length === 0 ? [] : db.user.findMany({ where: { id: { in: deciders } }, select: { id: true, name: true } }),
  ]);
  const ejName = (finess: string) => legalEntities.find((entity) => entity.finess === finess)?.name ?? null;
  const userName = (id: string) => users.find((candidate) => candidate.id === id)?.name ?? "Utilisateur supprimé";

  const partnerName = (id: string | null) => draft.industrialPartners.find((partner) => partner.id === id)?.name || null;
  const ghtName = (id: string | null) => facts.requiredGhtValidations.find((ght) => ght.ghtId === id)?.name ?? null;
  const targetText = (id: string | null) => draft.targets.find((target) => target.id === id)?.description || null;
  const documents: ProjectDocument[] = (snapshot?.documents ?? []).map((document) => {
    const subject = document.objectiveCode;
    const kindLabel = documentKindLabel(document.kind);
    const about = document.kind === "PARTNER_COMMITMENT" ? partnerName(subject) : document.kind === "GHT_VALIDATION" ? ghtName(subject) : document.kind === "TARGET_PROOF" ? targetText(subject) : null;
    return { ...document, subject, label: about ? `${kindLabel} — ${about}` : kindLabel };
  });
  const documentsOf = (kind: string, subject: string) => documents.filter((document) => document.kind === kind && document.subject === subject);

  const partners = draft.industrialPartners.map((partner) => ({ id: partner.id, name: partner.name, letters: documentsOf("PARTNER_COMMITMENT", partner.id) }));
  const ghtIds = [...new Set([...facts.requiredGhtValidations.map((ght) => ght.ghtId), ...documents.filter((document) => document.kind === "GHT_VALIDATION" && document.subject).map((document) => document.subject as string)])];
  const ghtValidations = ghtIds.map((ghtId) => ({ ghtId, name: ghtName(ghtId) ?? ghtId, required: facts.requiredGhtValidations.some((ght) => ght.ghtId === ghtId), documents: documentsOf("GHT_VALIDATION", ghtId) }));
  const shown = new Set([...partners.flatMap((partner) => partner.letters), ...ghtValidations.flatMap((ght) => ght.documents)].map((document) => document.id));

  const targets: ProjectTargetView[] = draft.targets.map((target) => ({ id: target.id, kindLabel: target.kind ? (TARGET_KIND_LABELS[target.kind] ?? null) : null, description: target.description }));
  const proofShown = PROOF_STATUSES.includes(row.status);
  if (proofShown) for (const document of documents) if (document.kind === "TARGET_PROOF" && targets.some((target) => target.id === document.subject)) shown.add(document.id);
  const proofDraft = proofShown ? proofDraftOf({ data }) : null;

  const activityOf = (finessPmsi: string | null) => {
    const activity = finessPmsi ? facts.activities.find((candidate) => candidate.finessPmsi === finessPmsi) : undefined;
    return activity ? { value: activity.value, year: activity.year, isEstimate: activity.isEstimate } : null;
  };
  const category: ProjectCategoryView = facts.category.known ? { known: true, category: facts.category.category, capCents: facts.category.cap } : { known: false, missingFinessPmsi: [...facts.category.missingFinessPmsi] };

  const instructor = canInstructDossier(user, dossierScope(row));
  const underSelection = row.status === "SUBMITTED" && review.instruction.canAct;
  const selectionBlockedReason =
    underSelection && !category.known
      ? `La catégorie du projet ne peut être déterminée : l'activité combinée est inconnue pour ${category.missingFinessPmsi.length > 0 ? `le FINESS PMSI ${category.missingFinessPmsi.join(", ")}` : "le périmètre transmis"}. Aucune décision n'est possible tant qu'elle n'est pas connue ; vous pouvez demander un complément.`
      : null;
  const payments = record?.decision === "ACCEPT" && record.grantedCents !== null ? aapPayments(record.grantedCents) : null;
  const open = review.instruction.openChangeRequest;

  return {
    dossierId: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    transmission: snapshot ? { sequence: snapshot.sequence, submittedAt: snapshot.submittedAt } : null,
    porteur: { finessPmsi: draft.porteurFinessPmsi, name: facts.porteurName },
    perimeter: draft.perimeter.map((site) => {
      const known = facts.sites[site.siteFiness];
      const legalEntityFiness = known?.legalEntityFiness ?? site.legalEntityFiness;
      return {
        siteFiness: site.siteFiness,
        siteName: known?.name ?? null,
        legalEntityFiness,
        legalEntityName: legalEntityFiness ? ejName(legalEntityFiness) : null,
        finessPmsi: known?.finessPmsi ?? null,
        activity: activityOf(known?.finessPmsi ?? null),
      };
    }),
    combinedActivity: facts.combinedActivity,
    category,
    theme: draft.theme ? { key: draft.theme, label: PROJECT_CALL_THEMES[draft.theme].label } : null,
    objectives: draft.objectives.map((chosen) => {
      const objective = draft.theme ? themeObjective(draft.theme, chosen.code) : null;
      return { code: chosen.code, label: objective?.label ?? chosen.code, expectedResults: [...(objective?.expectedResults ?? [])], description: chosen.description };
    }),
    eligibility: facts.eligibility ? { eligible: facts.eligibility.eligible, conditions: facts.eligibility.conditions.map((condition) => ({ ...condition })) } : null,
    responsible: { ...draft.responsible },
    team: draft.team.map((member) => ({ ...member })),
    businessStakes: draft.businessStakes,
    operationalObjectives: draft.operationalObjectives,
    siWorkstreams: draft.siWorkstreams,
    targets,
    forecast: { "2026": draft.forecastExpenses["2026"], "2027": draft.forecastExpenses["2027"] },
    partners,
    ghtValidations,
    otherDocuments: documents.filter((document) => !shown.has(document.id)),
    selection: record
      ? { ...record, decidedBy: userName(record.decidedById), proof: record.proof ? { ...record.proof, decidedBy: userName(record.proof.decidedById) } : null }
      : null,
    payments: payments
      ? { firstCents: payments.onAcceptance, secondCents: payments.onObjectives, second: record?.proof?.outcome === "VALIDATED" ? "DUE" : record?.proof?.outcome === "NOT_MET" ? "CANCELLED" : "PENDING" }
      : null,
    proof: proofDraft
      ? {
          targets: targets.map((target) => {
            const outcome = proofDraft.targets.find((candidate) => candidate.targetId === target.id);
            return { ...target, reached: outcome?.reached ?? null, comment: outcome?.comment ?? "", documents: documentsOf("TARGET_PROOF", target.id) };
          }),
        }
      : null,
    openProofChangeRequest: row.status === "PROOF_CHANGES_REQUESTED" && open ? { message: open.message, createdAt: open.createdAt } : null,
    canDecideSelection: underSelection && category.known,
    selectionBlockedReason,
    canReviewProof: instructor && row.status === "PROOF_SUBMITTED",
  };
}
