import type { GuichetKind } from "@/lib/generated/prisma/enums";
import { dossierKind } from "./kinds";

/** How the screens and e-mails name who instructs a dossier: the carrier's ARS, or the ANS for a CaRE relève (source 003). */
export interface InstructorWords {
  /** « l'ARS » / « l'ANS » */
  the: string;
  /** « votre ARS » / « l'ANS » */
  your: string;
  /** « Votre ARS » / « L'ANS » */
  Your: string;
}

export const ARS_WORDS: InstructorWords = { the: "l'ARS", your: "votre ARS", Your: "Votre ARS" };
export const ANS_WORDS: InstructorWords = { the: "l'ANS", your: "l'ANS", Your: "L'ANS" };

export function instructorWords(kind: GuichetKind): InstructorWords {
  return dossierKind(kind).labels.instructor === "ANS" ? ANS_WORDS : ARS_WORDS;
}
