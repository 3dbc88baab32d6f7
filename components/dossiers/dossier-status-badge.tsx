import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";

const STYLES: Record<DossierStatus, string> = {
  DRAFT: "bg-orange-100 text-avertissement",
  SUBMITTED: "bg-bleu-clair text-bleu-france",
  CHANGES_REQUESTED: "bg-orange-100 text-avertissement",
  ACCEPTED: "bg-green-100 text-succes",
  REFUSED: "bg-red-50 text-erreur",
};

export function DossierStatusBadge({ status }: { status: DossierStatus }) {
  return <span className={`inline-block px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>{DOSSIER_STATUS_LABELS[status]}</span>;
}
