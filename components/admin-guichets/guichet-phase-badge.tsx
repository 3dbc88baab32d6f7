import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import { GUICHET_PHASE_LABELS, type GuichetPhase } from "@/lib/guichets/guichet-state";

// The label carries the meaning; DSFR's colour and icon only repeat it.
const SEVERITY: Record<GuichetPhase, BadgeProps["severity"]> = {
  upcoming: "new",
  open: "success",
  instruction: "warning",
  finished: undefined,
};

/** A guichet's phase on the portal's day, as a DSFR badge. */
export function GuichetPhaseBadge({ phase }: { phase: GuichetPhase }) {
  return (
    <Badge as="span" small noIcon={SEVERITY[phase] === undefined} severity={SEVERITY[phase]}>
      {GUICHET_PHASE_LABELS[phase]}
    </Badge>
  );
}
