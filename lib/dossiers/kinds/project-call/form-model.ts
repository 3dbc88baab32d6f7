import { parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { aapPayments, type AapCategory } from "@/lib/funding/aap";
import type { Cents } from "@/lib/funding/money";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { effectiveGuichetDates } from "@/lib/guichets/derogations";
import { guichetPhase } from "@/lib/guichets/guichet-state";
import type { DossierRow } from "../../dossier-view";
import type { ChangePoint } from "../../instruction";
import { formDocuments, formSubmissions, type DossierFormModel } from "../../form-model";
import { deadlineAllows, isEditable } from "../../machine";
import { toFieldErrors, type FieldErrors } from "../../submission-rules";
import type { ProjectCallDraft, ProjectCallProofDraft } from "./draft-schema";
import type { ProjectCallEligibility } from "./eligibility";
import { loadProjectCallFacts, projectDraftOf, type PerimeterActivity } from "./facts";
import { proofWindowOf, proofWindowProblem } from "./proof-window";
import { selectionOf } from "./selection";
import { proofDraftOf, proofErrors } from "./store";
import { projectCallIssues } from "./submission-rules";
import { isProofEditable } from "./transitions";

/** What the server knows of the draft as saved: recomputed after each save, shown live by the form. */
export interface ProjectCallLiveFacts {
  /** Per perimeter row (same order): what the reference data says of its EG, null when unknown. */
  perimeter: ({ siteName: string; legalEntityName: string; legalEntityFiness: string; finessPmsi: string } | null)[];
  activities: PerimeterActivity[];
  category: { known: true; category: AapCategory; cap: Cents; combinedActivity: number } | { known: false; missingFinessPmsi: string[] };
  eligibility: ProjectCallEligibility | null;
  requiredGhtValidations: { ghtId: string; name: string }[];
  /** The errors that would block the transmission now, by form key. */
  errors: FieldErrors;
}

export interface ProjectCallFormModel {
  id: string;
  number: string;
  status: DossierStatus;
  version: number;
  guichet: { label: string; year: number; opensOn: CalendarDate; closesOn: CalendarDate; instructionEndsOn: CalendarDate };
  carrier: { finess: string; name: string };
  /** The project may be edited now (status and the guichet's dates). */
  editable: boolean;
  draft: ProjectCallDraft;
  live: ProjectCallLiveFacts;
  documents: DossierFormModel["documents"];
  submissions: { sequence: number; submittedAt: string }[];
  openChangeRequest: { message: string; createdAt: string; points: ChangePoint[] } | null;
  /** The ARS's selection as the porteur reads it (the grid stays the ARS's). */
  decision: {
    decision: "ACCEPT" | "REFUSE";
    decidedAt: string;
    category: AapCategory;
    capCents: Cents;
    grantedCents: Cents | null;
    justification: string | null;
    reason: string | null;
    payments: { onAcceptance: Cents; onObjectives: Cents } | null;
    proof: { outcome: "VALIDATED" | "NOT_MET"; comment: string; decidedAt: string } | null;
  } | null;
  proof: {
    draft: ProjectCallProofDraft;
    /** The deposit can be written now (accepted, or a complement asked, and inside the window). */
    editable: boolean;
    window: { opensOn: CalendarDate | null; closesOn: CalendarDate | null };
    /** Why it cannot be written today (window), null when it can or when the status decides. */
    windowProblem: string | null;
    errors: FieldErrors;
  } | null;
}

export async function loadProjectCallLiveFacts(db: Database, row: DossierRow): Promise<ProjectCallLiveFacts> {
  const draft = projectDraftOf(row);
  const facts = await loadProjectCallFacts(db, row, draft);
  const names = await db.site.findMany({ where: { finess: { in: Object.keys(facts.sites) } }, select: { finess: true, legalEntity: { select: { name: true } } } });
  return {
    perimeter: draft.perimeter.map((site) => {
      const known = facts.sites[site.siteFiness];
      return known ? { siteName: known.name, legalEntityName: names.find((name) => name.finess === site.siteFiness)?.legalEntity.name ?? "", legalEntityFiness: known.legalEntityFiness, finessPmsi: known.finessPmsi } : null;
    }),
    activities: facts.activities,
    category: facts.category.known && facts.combinedActivity !== null ? { known: true, category: facts.category.category, cap: facts.category.cap, combinedActivity: facts.combinedActivity } : { known: false, missingFinessPmsi: facts.category.known ? [] : [...facts.category.missingFinessPmsi] },
    eligibility: facts.eligibility,
    requiredGhtValidations: [...facts.requiredGhtValidations],
    errors: toFieldErrors(projectCallIssues(draft, facts)),
  };
}

export async function buildProjectCallFormModel(db: Database, row: DossierRow, at: Date): Promise<ProjectCallFormModel> {
  const dates = await effectiveGuichetDates(db, row.guichet, row.carrier);
  const phase = guichetPhase(dates, parisDate(at));
  const openRequest = row.status === "CHANGES_REQUESTED" || row.status === "PROOF_CHANGES_REQUESTED" ? await db.changeRequest.findFirst({ where: { dossierId: row.id, status: "OPEN" }, orderBy: { createdAt: "desc" } }) : null;
  const selection = selectionOf(row);
  const accepted = selection?.decision === "ACCEPT" && selection.grantedCents !== null;
  const window = proofWindowOf(row.guichet);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    version: row.version,
    guichet: { label: row.guichet.label, year: row.guichet.year, ...dates },
    carrier: { finess: row.carrierFiness, name: row.carrier.name },
    editable: isEditable(row.status) && deadlineAllows(row.status, "EDIT", phase),
    draft: projectDraftOf(row),
    live: await loadProjectCallLiveFacts(db, row),
    documents: formDocuments(row),
    submissions: formSubmissions(row),
    openChangeRequest: openRequest ? { message: openRequest.message, createdAt: openRequest.createdAt.toISOString(), points: openRequest.points as unknown as ChangePoint[] } : null,
    decision: selection
      ? {
          decision: selection.decision,
          decidedAt: selection.decidedAt,
          category: selection.category,
          capCents: selection.capCents,
          grantedCents: selection.grantedCents,
          justification: selection.justification,
          reason: selection.reason,
          payments: accepted && selection.grantedCents !== null ? aapPayments(selection.grantedCents) : null,
          proof: selection.proof ? { outcome: selection.proof.outcome, comment: selection.proof.comment, decidedAt: selection.proof.decidedAt } : null,
        }
      : null,
    proof: accepted
      ? {
          draft: proofDraftOf(row),
          editable: isProofEditable(row.status) && proofWindowProblem(window, parisDate(at)) === null,
          window,
          windowProblem: isProofEditable(row.status) ? proofWindowProblem(window, parisDate(at)) : null,
          errors: isProofEditable(row.status) ? proofErrors(row) : {},
        }
      : null,
  };
}
