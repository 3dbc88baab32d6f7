import type { GuichetKind } from "@/lib/generated/prisma/enums";
import { dossierKind, type ReviewableDossier, type ReviewableField } from "./kinds";

/**
 * The fields and documents an ARS change request can point at, keyed as the
 * establishment's form keys them, so each point shows next to its field: the kind's own list.
 */
export function reviewableFields(dossier: ReviewableDossier & { kind: GuichetKind }): ReviewableField[] {
  return dossierKind(dossier.kind).reviewableFields(dossier);
}
