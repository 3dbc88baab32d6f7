import { fr } from "@codegouvfr/react-dsfr";
import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import type { ConditionState } from "@/lib/dossiers/kinds/project-call/eligibility";
import type { ProjectEligibilityView } from "@/lib/dossiers/kinds/project-call/review";

// The label carries the meaning; DSFR's colour and icon only repeat it.
const STATES: Record<ConditionState, { label: string; severity: BadgeProps["severity"] }> = {
  met: { label: "Remplie", severity: "success" },
  not_met: { label: "Non remplie", severity: "error" },
  declared: { label: "Déclarée par le porteur, à vérifier", severity: "warning" },
  unknown: { label: "Inconnue", severity: "warning" },
};

/** The eligibility conditions of the project's theme, on the portal's data of today. */
export function ProjectEligibility({ eligibility }: { eligibility: ProjectEligibilityView | null }) {
  return (
    <section aria-labelledby="projet-eligibilite" className={fr.cx("fr-mb-6w")}>
      <h2 id="projet-eligibilite">Conditions d&apos;éligibilité du porteur</h2>
      {eligibility === null ? (
        <p>Aucune thématique choisie : les conditions ne peuvent être évaluées.</p>
      ) : (
        <>
          <p>
            Selon les données du portail à ce jour :{" "}
            <strong>{eligibility.eligible ? "toutes les conditions sont remplies ou déclarées." : "au moins une condition n'est pas remplie."}</strong>
          </p>
          <ul>
            {eligibility.conditions.map((condition) => (
              <li key={condition.key} className={fr.cx("fr-mb-1w")}>
                {condition.label} :{" "}
                <Badge as="span" small severity={STATES[condition.state].severity}>
                  {STATES[condition.state].label}
                </Badge>
                <br />
                <span className={fr.cx("fr-text--sm")}>{condition.explanation}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
