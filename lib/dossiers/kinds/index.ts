import type { GuichetKind } from "@/lib/generated/prisma/enums";
import { candidatureKind } from "./candidature/kind";
import { careReleveKind } from "./care-releve/kind";
import type { DossierKindModule } from "./kind-module";
import { milestoneDepositKind } from "./milestone-deposit/kind";
import { projectCallKind } from "./project-call/kind";

/** One module per guichet kind: a kind missing here, or missing a piece, does not compile. */
export const DOSSIER_KINDS: Record<GuichetKind, DossierKindModule> = {
  CANDIDATURE: candidatureKind,
  MILESTONE_DEPOSIT: milestoneDepositKind,
  PROJECT_CALL: projectCallKind,
  CARE_RELEVE: careReleveKind,
};

export function dossierKind(kind: GuichetKind): DossierKindModule {
  return DOSSIER_KINDS[kind];
}

export type { DossierKindModule, ReviewableDossier, ReviewableField } from "./kind-module";
