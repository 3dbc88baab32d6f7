import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import type { ProjectCallDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import type { ProjectCallFormModel, ProjectCallLiveFacts } from "@/lib/dossiers/kinds/project-call/form-model";
import { projectCallIssues, type AttachedDocument, type KnownSite, type ProjectCallSubmissionFacts } from "@/lib/dossiers/kinds/project-call/submission-rules";
import type { FieldErrors, SubmissionIssue } from "@/lib/dossiers/submission-rules";
import { amountErrors, toDraft, type ProjectValues } from "./values";

/*
 * The errors the project form shows, from the server's own submission rules (submission-rules.ts)
 * run in the browser on the current values, with the facts the last save answered (`live`): the
 * reference data of the perimeter's establishments, the eligibility, the category, the GHT to
 * consult. What the server has not looked up yet (a FINESS typed since the last save) is "pending"
 * rather than wrong; what only the server knows (the two-project limit) comes from its answer while
 * it still describes the draft on the page.
 */

/** What the last save answered, and for which draft. */
export interface LiveState {
  live: ProjectCallLiveFacts;
  forDraft: ProjectCallDraft;
}

const PROJECT_DOCUMENT_KINDS = ["GHT_VALIDATION", "PARTNER_COMMITMENT", "TARGET_PROOF"] as const;

export function attachedDocuments(documents: ProjectCallFormModel["documents"]): AttachedDocument[] {
  return documents.flatMap((document) => {
    const kind = PROJECT_DOCUMENT_KINDS.find((candidate) => candidate === document.kind);
    return kind ? [{ kind, subject: document.objectiveCode }] : [];
  });
}

/** Per FINESS EG the server looked up with the saved draft: what it found (null = unknown). */
export function checkedSites(state: LiveState): Map<string, ProjectCallLiveFacts["perimeter"][number]> {
  const checked = new Map<string, ProjectCallLiveFacts["perimeter"][number]>();
  state.forDraft.perimeter.forEach((row, index) => {
    if (FINESS_PATTERN.test(row.siteFiness) && !checked.get(row.siteFiness)) checked.set(row.siteFiness, state.live.perimeter[index] ?? null);
  });
  return checked;
}

export interface Evaluation {
  draft: ProjectCallDraft;
  issues: SubmissionIssue[];
  /** Rows whose FINESS EG the server has not looked up yet. */
  pendingSiteRows: Set<number>;
  /** The perimeter changed since the last save: the category and the GHT to consult follow the next one. */
  perimeterPending: boolean;
  /** The theme, porteur or declaration changed since the last save: the conditions follow the next one. */
  eligibilityPending: boolean;
  amountErrors: FieldErrors;
  /** Errors only the server can find (the two-project limit), while its answer still describes the page. */
  serverOnly: FieldErrors;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function evaluate(values: ProjectValues, state: LiveState, documents: ProjectCallFormModel["documents"]): Evaluation {
  const draft = toDraft(values);
  const checked = checkedSites(state);
  const sites: Record<string, KnownSite> = {};
  for (const [finess, known] of checked) if (known) sites[finess] = { name: known.siteName, legalEntityFiness: known.legalEntityFiness, finessPmsi: known.finessPmsi };
  const pendingSiteRows = new Set<number>();
  draft.perimeter.forEach((row, index) => {
    if (FINESS_PATTERN.test(row.siteFiness) && !checked.has(row.siteFiness)) pendingSiteRows.add(index);
  });
  const perimeterPending = !sameJson(draft.perimeter, state.forDraft.perimeter);
  const eligibilityPending =
    draft.theme !== state.forDraft.theme ||
    draft.porteurFinessPmsi !== state.forDraft.porteurFinessPmsi ||
    // Only the rattrapage conditions read the declaration.
    (draft.theme === "RATTRAPAGE_MATURITE" && !sameJson(draft.rattrapageDeclaration, state.forDraft.rattrapageDeclaration));
  const { live } = state;
  const facts: ProjectCallSubmissionFacts = {
    sites,
    eligibility: eligibilityPending ? null : live.eligibility,
    projectLimit: [],
    category: live.category.known ? { known: true, category: live.category.category, cap: live.category.cap } : { known: false, missingFinessPmsi: live.category.missingFinessPmsi },
    requiredGhtValidations: live.requiredGhtValidations,
    documents: attachedDocuments(documents),
  };
  const all = projectCallIssues(draft, facts);
  const issues = all.filter((issue) => {
    if (issue.missing) return true;
    // Not looked up yet: "unknown to the reference data" would be premature (a duplicate is not).
    const row = /^perimeter\.(\d+)\.siteFiness$/.exec(issue.key);
    if (row && pendingSiteRows.has(Number(row[1]))) {
      const index = Number(row[1]);
      const site = draft.perimeter[index]?.siteFiness;
      return draft.perimeter.slice(0, index).some((earlier) => earlier.siteFiness === site);
    }
    // The category reads the saved perimeter.
    if (issue.key === "perimeter" && perimeterPending) return false;
    return true;
  });

  // The two-project limit lands on the porteur or an EG row: the server's messages the page's rules do not give.
  const serverOnly: FieldErrors = {};
  if (!perimeterPending && draft.porteurFinessPmsi === state.forDraft.porteurFinessPmsi) {
    for (const [key, messages] of Object.entries(live.errors)) {
      if (key !== "porteurFinessPmsi" && !/^perimeter\.\d+\.siteFiness$/.test(key)) continue;
      const extra = messages.filter((message) => !all.some((issue) => issue.key === key && issue.message === message));
      if (extra.length > 0) serverOnly[key] = extra;
    }
  }
  return { draft, issues, pendingSiteRows, perimeterPending, eligibilityPending, amountErrors: amountErrors(values), serverOnly };
}

/** A typed FINESS or e-mail is judged once its field is left (or on transmission), not at each keystroke. */
const JUDGED_WHEN_LEFT = /(^porteurFinessPmsi|\.siteFiness|\.legalEntityFiness|\.email)$/;

function valueAt(tree: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/**
 * What each field shows: a value given but wrong at once (a FINESS or an e-mail once left), a
 * missing item once the user asked to transmit, an amount that cannot be read at once, and what a
 * failed save refused (the draft schema's bounds) where the rules say nothing.
 */
export function shownErrors(result: Evaluation, options: { attempted: boolean; touched: unknown; saveErrors: FieldErrors }): FieldErrors {
  const shown: FieldErrors = {};
  const push = (key: string, message: string) => {
    const list = (shown[key] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const issue of result.issues) {
    if (result.amountErrors[issue.key]) continue;
    if (issue.missing && !options.attempted) continue;
    if (!issue.missing && !options.attempted && JUDGED_WHEN_LEFT.test(issue.key) && !valueAt(options.touched, issue.key)) continue;
    push(issue.key, issue.message);
  }
  for (const [key, messages] of Object.entries(result.amountErrors)) shown[key] = [...messages];
  for (const [key, messages] of Object.entries(result.serverOnly)) for (const message of messages) push(key, message);
  for (const [key, messages] of Object.entries(options.saveErrors)) if (!shown[key]) shown[key] = [...messages];
  // In form order (the rules' order), the others after.
  const order = [...new Set([...result.issues.map((issue) => issue.key), ...Object.keys(shown)])];
  return Object.fromEntries(order.filter((key) => shown[key]).map((key) => [key, shown[key] ?? []]));
}

/** Everything that would block the transmission now, whatever has been shown so far. */
export function blocking(result: Evaluation): boolean {
  return result.issues.length > 0 || Object.keys(result.amountErrors).length > 0 || Object.keys(result.serverOnly).length > 0 || result.pendingSiteRows.size > 0;
}
