import type { DossierDocumentKind } from "@/lib/generated/prisma/enums";
import { PROJECT_CALL_DOCUMENT_KINDS } from "./kinds/project-call/draft-schema";

const projectCallLabel = (key: (typeof PROJECT_CALL_DOCUMENT_KINDS)[number]["key"]) => PROJECT_CALL_DOCUMENT_KINDS.find((kind) => kind.key === key)!.label;

/** The French name of each kind of document, one home for the ARS screens and the receipt. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DossierDocumentKind, string>> = {
  GHT_MANDATE: "Justificatif du mandat de l'établissement support",
  NOTE_DE_CADRAGE: "Note de cadrage",
  EXPENSE_ATTESTATION: "Attestation sur l'honneur des dépenses (DAF)",
  OBJECTIVE_PROOF: "Preuve d'atteinte d'objectif",
  GHT_VALIDATION: projectCallLabel("GHT_VALIDATION"),
  PARTNER_COMMITMENT: projectCallLabel("PARTNER_COMMITMENT"),
  TARGET_PROOF: projectCallLabel("TARGET_PROOF"),
  CARE_FINANCIAL_STATEMENT: "Trame financière et pièces justificatives des dépenses engagées",
};

/** A snapshot stores the kind as text: an unknown one is shown as it is. */
export function documentKindLabel(kind: string): string {
  return kind in DOCUMENT_KIND_LABELS ? DOCUMENT_KIND_LABELS[kind as DossierDocumentKind] : kind;
}
