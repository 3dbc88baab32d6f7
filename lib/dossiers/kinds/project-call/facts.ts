import type { Database } from "@/lib/db/client";
import { aapCategoryForProject } from "@/lib/funding/aap";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { finessPmsiOfSite } from "@/lib/reference/combined-activity-of";
import type { DossierRow } from "../../dossier-view";
import type { ProjectCallDocumentKind, ProjectCallDraft } from "./draft-schema";
import { projectCallDraftSchema } from "./draft-schema";
import { projectCallEligibility, type ProjectCallEligibility } from "./eligibility";
import { projectLimitOffences } from "./project-limit";
import type { AttachedDocument, KnownSite, ProjectCallSubmissionFacts, ProjectCategoryFact } from "./submission-rules";

/*
 * Reads, for one AAP project, the facts its pure rules decide on (submission-rules.ts,
 * eligibility.ts, project-limit.ts): the perimeter's EG in the reference data, the porteur's
 * HospiConnect dossiers and self-assessment, the other projects of the guichet, the activité
 * combinée of each FINESS PMSI. The form (live), the submission and the ARS screen read the same.
 */

type Client = Database | Prisma.TransactionClient;

const PROJECT_DOCUMENT_KINDS: readonly ProjectCallDocumentKind[] = ["GHT_VALIDATION", "PARTNER_COMMITMENT", "TARGET_PROOF"];

/** The project's draft as stored (a blank one before the first save). */
export function projectDraftOf(row: Pick<DossierRow, "data">): ProjectCallDraft {
  const data = (row.data ?? {}) as { project?: unknown };
  return projectCallDraftSchema.parse(data.project ?? {});
}

export interface PerimeterActivity {
  finessPmsi: string;
  /** Activité combinée used for the category: the official figure when there is one, else the SAE estimate; null when none. */
  value: number | null;
  year: number | null;
  isEstimate: boolean;
}

export interface ProjectCallFacts extends ProjectCallSubmissionFacts {
  /** The perimeter's FINESS PMSI in perimeter order, each with the activité combinée the category uses. */
  activities: PerimeterActivity[];
  /** The cumulated activité combinée of the perimeter, when every FINESS PMSI has one. */
  combinedActivity: number | null;
  /** Name of the porteur's FINESS PMSI, when the reference data knows it. */
  porteurName: string | null;
  /** The EJ of the porteur's FINESS PMSI, when the reference data knows it. */
  porteurLegalEntityFiness: string | null;
}

const SITE_SELECT = {
  finess: true,
  name: true,
  legalEntityFiness: true,
  category: true,
  legalEntity: { select: { name: true, legalStatus: true, isDialysisCentre: true, category: true, ght: { select: { id: true, name: true } } } },
} as const;

/** Per FINESS PMSI, the activité combinée a category is read from: the newest official figure, else the newest estimate. */
async function activitiesOf(db: Client, pmsi: readonly string[]): Promise<Map<string, PerimeterActivity>> {
  const rows = pmsi.length === 0 ? [] : await db.combinedActivity.findMany({ where: { finessPmsi: { in: [...pmsi] } }, orderBy: [{ isEstimate: "asc" }, { year: "desc" }] });
  const result = new Map<string, PerimeterActivity>();
  for (const finess of pmsi) {
    const best = rows.find((row) => row.finessPmsi === finess);
    result.set(finess, best ? { finessPmsi: finess, value: Number(best.value), year: best.year, isEstimate: best.isEstimate } : { finessPmsi: finess, value: null, year: null, isEstimate: false });
  }
  return result;
}

/** The category and cap of a perimeter (source 001's table) from its FINESS PMSI's activities. */
export function categoryOf(activities: readonly PerimeterActivity[]): ProjectCategoryFact & { combinedActivity: number | null } {
  const missing = activities.filter((activity) => activity.value === null).map((activity) => activity.finessPmsi);
  if (activities.length === 0 || missing.length > 0) return { known: false, missingFinessPmsi: missing, combinedActivity: null };
  const result = aapCategoryForProject(activities.map((activity) => activity.value ?? 0));
  return { known: true, category: result.category, cap: result.cap, combinedActivity: result.combinedActivity };
}

/** The status the eligibility reads: the best of the EJ's dossiers of one HospiConnect guichet kind. */
function bestStatus(statuses: readonly DossierStatus[]): DossierStatus | null {
  const order: DossierStatus[] = ["ACCEPTED", "SUBMITTED", "CHANGES_REQUESTED", "DRAFT", "REFUSED"];
  for (const status of order) if (statuses.includes(status)) return status;
  return null;
}

export async function loadProjectCallFacts(db: Client, row: Pick<DossierRow, "id" | "guichetId" | "documents" | "data">, draft: ProjectCallDraft = projectDraftOf(row)): Promise<ProjectCallFacts> {
  const siteFiness = [...new Set(draft.perimeter.map((site) => site.siteFiness).filter((finess) => FINESS_PATTERN.test(finess)))];
  const porteur = FINESS_PATTERN.test(draft.porteurFinessPmsi) ? draft.porteurFinessPmsi : null;
  const [sites, porteurEj, porteurSite] = await Promise.all([
    siteFiness.length === 0 ? [] : db.site.findMany({ where: { finess: { in: siteFiness } }, select: SITE_SELECT }),
    porteur ? db.legalEntity.findUnique({ where: { finess: porteur }, select: { finess: true, name: true, category: true, legalStatus: true, isDialysisCentre: true, receivedSunEsPayments: true, receivedPhase1Payments: true, sites: { select: { category: true } } } }) : null,
    porteur ? db.site.findUnique({ where: { finess: porteur }, select: SITE_SELECT }) : null,
  ]);

  const known: Record<string, KnownSite> = {};
  for (const site of sites) {
    known[site.finess] = {
      name: site.name,
      legalEntityFiness: site.legalEntityFiness,
      finessPmsi: finessPmsiOfSite({ finess: site.finess, legalEntityFiness: site.legalEntityFiness, legalStatus: site.legalEntity.legalStatus, isDialysisCentre: site.legalEntity.isDialysisCentre }).finess,
    };
  }
  const pmsi = [...new Set(draft.perimeter.map((row) => known[row.siteFiness]?.finessPmsi).filter((finess): finess is string => Boolean(finess)))];
  const names: Record<string, string> = {};
  for (const site of sites) {
    const finess = known[site.finess]!.finessPmsi;
    names[finess] ??= finess === site.legalEntityFiness ? site.legalEntity.name : site.name;
  }

  // The porteur's EJ: the FINESS PMSI itself for a public one or a dialysis centre, else the EG's EJ.
  const ejFiness = porteurEj ? porteurEj.finess : (porteurSite?.legalEntityFiness ?? null);
  const ej = porteurEj ?? (porteurSite ? await db.legalEntity.findUnique({ where: { finess: porteurSite.legalEntityFiness }, select: { finess: true, name: true, category: true, legalStatus: true, isDialysisCentre: true, receivedSunEsPayments: true, receivedPhase1Payments: true, sites: { select: { category: true } } } }) : null);

  const [activities, slots, hospiconnect, validatedAssessment] = await Promise.all([
    activitiesOf(db, pmsi),
    pmsi.length === 0 ? [] : db.projectCallSlot.findMany({ where: { guichetId: row.guichetId, finessPmsi: { in: pmsi }, dossierId: { not: row.id } }, select: { finessPmsi: true } }),
    ejFiness
      ? db.dossierLegalEntity.findMany({
          where: { legalEntityFiness: ejFiness, dossier: { guichet: { programme: "HOSPICONNECT_HOPEN2", OR: [{ kind: "CANDIDATURE" }, { kind: "MILESTONE_DEPOSIT", year: 2026 }] } } },
          select: { dossier: { select: { status: true, guichet: { select: { kind: true } } } } },
        })
      : [],
    ejFiness ? db.selfAssessment.findFirst({ where: { legalEntityFiness: ejFiness, status: "VALIDATED" }, select: { id: true } }) : null,
  ]);
  const otherProjectCounts: Record<string, number> = {};
  for (const slot of slots) otherProjectCounts[slot.finessPmsi] = (otherProjectCounts[slot.finessPmsi] ?? 0) + 1;

  let eligibility: ProjectCallEligibility | null = null;
  if (draft.theme) {
    const statusesOf = (kind: "CANDIDATURE" | "MILESTONE_DEPOSIT") => hospiconnect.filter((part) => part.dossier.guichet.kind === kind).map((part) => part.dossier.status);
    eligibility = projectCallEligibility({
      theme: draft.theme,
      legalEntityName: ej?.name ?? (porteur ? `L'établissement de FINESS PMSI ${porteur}` : "L'établissement porteur"),
      candidatureStatus: bestStatus(statusesOf("CANDIDATURE")),
      milestoneDepositStatus: bestStatus(statusesOf("MILESTONE_DEPOSIT")),
      selfAssessmentValidated: Boolean(validatedAssessment),
      finessPmsiCategories: ej ? { ejCategory: ej.category, egCategories: porteurSite ? [porteurSite.category] : ej.sites.map((site) => site.category) } : null,
      usagePayments: { sunEs: ej?.receivedSunEsPayments ?? null, phase1: ej?.receivedPhase1Payments ?? null },
      declaration: draft.rattrapageDeclaration,
    });
  }

  const ordered = pmsi.map((finess) => activities.get(finess)!);
  const category = categoryOf(ordered);
  const ghts = new Map<string, string>();
  for (const site of sites) if (site.legalEntity.legalStatus === "PUBLIC" && site.legalEntity.ght) ghts.set(site.legalEntity.ght.id, site.legalEntity.ght.name);
  const documents: AttachedDocument[] = row.documents
    .filter((document) => (PROJECT_DOCUMENT_KINDS as readonly string[]).includes(document.kind))
    .map((document) => ({ kind: document.kind as ProjectCallDocumentKind, subject: document.objectiveCode }));

  return {
    sites: known,
    eligibility,
    // The porteur is one of the perimeter's FINESS PMSI (a submission rule): counting those counts it.
    projectLimit: projectLimitOffences({ finessPmsi: pmsi, otherProjectCounts, names }),
    category: category.known ? { known: true, category: category.category, cap: category.cap } : { known: false, missingFinessPmsi: category.missingFinessPmsi },
    requiredGhtValidations: [...ghts].map(([ghtId, name]) => ({ ghtId, name })),
    documents,
    activities: ordered,
    combinedActivity: category.combinedActivity,
    porteurName: porteur ? (names[porteur] ?? ej?.name ?? porteurSite?.name ?? null) : null,
    porteurLegalEntityFiness: ejFiness,
  };
}

