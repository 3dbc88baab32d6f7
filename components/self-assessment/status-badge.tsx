import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { SelfAssessmentStatus } from "@/lib/generated/prisma/enums";

/** "Brouillon" or "Validée — NRU …"; the text carries the meaning, the colour only repeats it. */
export function SelfAssessmentStatusBadge({ status, nru }: { status: SelfAssessmentStatus; nru: string | null }) {
  return status === "VALIDATED" ? (
    <Badge as="span" small severity="success">
      {nru ? `Validée — NRU ${nru}` : "Validée"}
    </Badge>
  ) : (
    <Badge as="span" small severity="new">
      Brouillon
    </Badge>
  );
}
