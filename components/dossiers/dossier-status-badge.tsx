import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import { dossierStatusLabel } from "@/lib/dossiers/machine";
import type { DossierStatus, GuichetKind } from "@/lib/generated/prisma/enums";

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

/** `kind` words the status as the dossier's kind does (an AAP project is « Retenu par l'ARS », not « Accepté »). */
export function DossierStatusBadge({ status, kind }: { status: DossierStatus; kind?: GuichetKind }) {
  return (
    <Badge as="span" small severity={SEVERITY[status]}>
      {dossierStatusLabel(status, kind)}
    </Badge>
  );
}
