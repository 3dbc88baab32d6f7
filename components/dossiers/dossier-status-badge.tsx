import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import type { DossierStatus } from "@/lib/generated/prisma/enums";

// The label carries the meaning; DSFR's colour and icon only repeat it.
const SEVERITY: Record<DossierStatus, BadgeProps["severity"]> = {
  DRAFT: "new",
  SUBMITTED: "info",
  CHANGES_REQUESTED: "warning",
  ACCEPTED: "success",
  REFUSED: "error",
  PROOF_SUBMITTED: "info",
  PROOF_CHANGES_REQUESTED: "warning",
  OBJECTIVES_VALIDATED: "success",
  OBJECTIVES_NOT_MET: "error",
};

export function DossierStatusBadge({ status }: { status: DossierStatus }) {
  return (
    <Badge as="span" small severity={SEVERITY[status]}>
      {DOSSIER_STATUS_LABELS[status]}
    </Badge>
  );
}
