/**
 * The data of the instruction screens shared by the ARS (`/ars/dossiers…`) and the
 * ANS (`/ans/dossiers…`) spaces, one call per page. Every read goes through the
 * scoped read models (lib/instruction/queue, lib/instruction/dossier-review): the
 * space a page belongs to never widens what its user sees.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { loadCareReleveReview, type CareReleveReview } from "@/lib/dossiers/kinds/care-releve/review";
import { loadProjectCallReview, type ProjectCallReview } from "@/lib/dossiers/kinds/project-call/review";
import { loadDossierReview, type DossierReview } from "./dossier-review";
import { instructorRegionName } from "./instructor-region";
import { loadInstructionQueue, loadQueueFilterOptions, type InstructionQueue, type QueueFilterOptions } from "./queue";
import type { QueueFilters } from "./queue-filters";

export interface QueuePageData {
  /** The ARS instructor's region, for the title; null for a national queue (or an account without a region). */
  regionName: string | null;
  queue: InstructionQueue;
  options: QueueFilterOptions;
}

/** The queue page: one page of the scoped queue, its counts and the filter form's choices. */
export async function loadQueuePage(db: Database, user: CurrentUser, filters: QueueFilters, at: Date): Promise<QueuePageData> {
  const [regionName, queue, options] = await Promise.all([instructorRegionName(db, user), loadInstructionQueue(db, user, filters, at), loadQueueFilterOptions(db, user)]);
  return { regionName, queue, options };
}

export interface DossierPageData {
  review: DossierReview;
  /** An AAP project is instructed on its own screens (project view, selection grid, proofs); null for every other kind. */
  project: ProjectCallReview | null;
  /** A CaRE relève: its transmitted answers and each EJ's envelope now; null for every other kind. */
  care: CareReleveReview | null;
}

/** The dossier page: 404 unknown or a draft, 403 out of the user's scope (loadDossierReview). */
export async function loadDossierPage(db: Database, user: CurrentUser, id: string, at: Date): Promise<DossierPageData> {
  const review = await loadDossierReview(db, user, id, at);
  const project = review.row.guichet.kind === "PROJECT_CALL" ? await loadProjectCallReview(db, user, review) : null;
  const caps = Object.fromEntries(review.instruction.parts.map((part) => [part.finess, part.capped]));
  const care = review.row.guichet.kind === "CARE_RELEVE" && review.transmitted ? await loadCareReleveReview(db, review.row, review.transmitted.snapshot.data, caps) : null;
  return { review, project, care };
}
