import type { ActionResult } from "@/lib/actions/action-result";
import type { Answers } from "@/lib/self-assessment/scoring";

/**
 * The server actions the self-assessment components call, as the page passes them down
 * (components never import app/: the page hands its actions over as props).
 */
export type CreateSelfAssessmentAction = (input: { legalEntityFiness: string }) => Promise<ActionResult<{ id: string }>>;
export type DuplicateSelfAssessmentAction = (input: { sourceId: string }) => Promise<ActionResult<{ id: string }>>;

/**
 * An autosave either saves, or is refused for good: someone else saved meanwhile ("conflict"),
 * or the self-assessment was validated ("locked"). Both stop the autosave, nothing is overwritten.
 */
export type SaveDraftOutcome = { status: "saved"; version: number; savedAt: string } | { status: "conflict" | "locked"; message: string };
export type SaveDraftAction = (input: { id: string; expectedVersion: number; answers: Answers }) => Promise<ActionResult<SaveDraftOutcome>>;

export type ValidateSelfAssessmentAction = (input: { id: string; expectedVersion: number }) => Promise<ActionResult<{ nru: string }>>;
