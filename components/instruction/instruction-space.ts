import type { GuichetKind } from "@/lib/generated/prisma/enums";
import { QUEUE_STATUSES, type QueueStatus } from "@/lib/instruction/queue-filters";

/**
 * What differs between the two instruction spaces that share the queue and the
 * dossier screens (components/instruction/instruction-*-page.tsx): the ARS's
 * (`/ars`, its region's dossiers) and the ANS's (`/ans`, the CaRE relèves of
 * every region). Which dossiers a user sees is the server's policy
 * (lib/dossiers/policy), never this.
 */
export interface InstructionSpace {
  /** The space's root: the queue is `${basePath}/dossiers`, a dossier `${basePath}/dossiers/<id>`. */
  basePath: "/ars" | "/ans";
  /** The instructing body, as the screens name it: « ARS », « ANS ». */
  body: "ARS" | "ANS";
  /** The same with its article, in sentences: « l'ARS », « l'ANS ». */
  bodyWithArticle: "l'ARS" | "l'ANS";
  /** The common export of the filtered queue (CSV, XLSX). */
  exportPath: "/api/ars/export" | "/api/ans/export";
  /** Whether the AAP HOP'EN2 projects' export is offered (the ARS instructs the AAP; the ANS does not). */
  projectCallExports: boolean;
  /** The statuses the queue counts and filters on (the ANS has no AAP proof step). */
  statuses: readonly QueueStatus[];
  /** The kind whose wording the status labels take (lib/dossiers/machine dossierStatusLabel), when the space has only one. */
  statusKind?: GuichetKind;
}

export const ARS_SPACE: InstructionSpace = {
  basePath: "/ars",
  body: "ARS",
  bodyWithArticle: "l'ARS",
  exportPath: "/api/ars/export",
  projectCallExports: true,
  statuses: QUEUE_STATUSES,
};

export const ANS_SPACE: InstructionSpace = {
  basePath: "/ans",
  body: "ANS",
  bodyWithArticle: "l'ANS",
  exportPath: "/api/ans/export",
  projectCallExports: false,
  statuses: ["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "REFUSED"],
  statusKind: "CARE_RELEVE",
};

/** `${basePath}/dossiers`: the queue of the space. */
export function queuePath(space: InstructionSpace): string {
  return `${space.basePath}/dossiers`;
}

/** The page of one dossier in the space. */
export function dossierPath(space: InstructionSpace, dossierId: string): string {
  return `${space.basePath}/dossiers/${dossierId}`;
}
