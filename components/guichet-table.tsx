import { fr } from "@codegouvfr/react-dsfr";
import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatCalendarDate } from "@/lib/clock/paris-date";
import { GUICHET_PHASE_LABELS, type GuichetPhase } from "@/lib/guichets/guichet-state";
import type { GuichetView } from "@/lib/guichets/guichets";
import { GUICHET_KIND_LABELS, PROGRAMME_LABELS } from "@/lib/guichets/labels";

// The label carries the meaning; DSFR's colour and icon only repeat it.
const PHASE_SEVERITY: Record<GuichetPhase, BadgeProps["severity"]> = {
  upcoming: "info",
  open: "success",
  instruction: "warning",
  finished: undefined,
};

export function GuichetPhaseBadge({ phase }: { phase: GuichetPhase }) {
  return (
    <Badge as="span" small severity={PHASE_SEVERITY[phase]} noIcon={PHASE_SEVERITY[phase] === undefined}>
      {GUICHET_PHASE_LABELS[phase]}
    </Badge>
  );
}

/** "1 jour restant", "12 jours restants" (closing day included). */
export function daysLeftText(days: number): string {
  return `${days} jour${days > 1 ? "s" : ""} restant${days > 1 ? "s" : ""}`;
}

/** The guichets with their Paris calendar dates and their phase on the portal's today. */
export function GuichetTable({ guichets, caption }: { guichets: GuichetView[]; caption: string }) {
  return (
    <Table
      caption={caption}
      headers={["Guichet", "Programme", "Ouverture", "Clôture des dépôts", "Fin de l'instruction", "État"]}
      data={guichets.map((guichet) => [
        <>
          <span className={fr.cx("fr-text--bold")}>{guichet.label}</span>
          <span className={`${fr.cx("fr-hint-text")} block`}>{GUICHET_KIND_LABELS[guichet.kind]}</span>
        </>,
        PROGRAMME_LABELS[guichet.programme],
        formatCalendarDate(guichet.opensOn),
        formatCalendarDate(guichet.closesOn),
        formatCalendarDate(guichet.instructionEndsOn),
        <>
          <GuichetPhaseBadge phase={guichet.phase} />
          {guichet.phase === "open" && <span className={`${fr.cx("fr-hint-text")} block`}>{daysLeftText(guichet.daysLeft)}</span>}
        </>,
      ])}
    />
  );
}
