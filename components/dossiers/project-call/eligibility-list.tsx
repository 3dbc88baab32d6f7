import { Badge, type BadgeProps } from "@codegouvfr/react-dsfr/Badge";
import type { ConditionState, ProjectCallEligibility } from "@/lib/dossiers/kinds/project-call/eligibility";
import { fieldId } from "../field-id";

// The text says the state; DSFR's colour and icon only repeat it.
const STATE: Record<ConditionState, { label: string; severity: BadgeProps["severity"] }> = {
  met: { label: "Remplie", severity: "success" },
  not_met: { label: "Non remplie", severity: "error" },
  declared: { label: "Déclarée par le porteur", severity: "info" },
  unknown: { label: "Non connue — à déclarer", severity: "warning" },
};

/**
 * The eligibility conditions of the chosen theme (source 001), as the server read them at the last
 * save: each with its state in words and its explanation. Each item carries the id of its form key
 * (`eligibility.<condition>`), where the error summary's links land.
 */
export function EligibilityList({ eligibility, pending, themeChosen }: { eligibility: ProjectCallEligibility | null; pending: boolean; themeChosen: boolean }) {
  return (
    <section aria-labelledby="eligibilite" className="flex flex-col gap-2">
      <h2 id="eligibilite" className="fr-h3 fr-mb-0">
        Conditions d&apos;éligibilité
      </h2>
      <div aria-live="polite" data-testid="conditions-eligibilite">
        {!themeChosen ? (
          <p className="fr-mb-0">Choisissez la thématique du projet : les conditions d&apos;éligibilité en dépendent.</p>
        ) : pending || !eligibility ? (
          <p className="fr-mb-0">Vérification des conditions d&apos;éligibilité à l&apos;enregistrement du brouillon…</p>
        ) : (
          <>
            <ul className="fr-mb-1w">
              {eligibility.conditions.map((condition) => {
                const state = STATE[condition.state];
                return (
                  <li key={condition.key} id={fieldId(`eligibility.${condition.key}`)} tabIndex={-1} className="fr-mb-1w">
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge as="span" small severity={state.severity}>
                        {state.label}
                      </Badge>
                      <span className="fr-text--bold">{condition.label}</span>
                    </span>
                    <span className="fr-text--sm block">{condition.explanation}</span>
                  </li>
                );
              })}
            </ul>
            <p className="fr-mb-0">
              {eligibility.eligible
                ? "L'établissement porteur remplit les conditions d'éligibilité de cette thématique."
                : "Le projet ne peut pas être transmis sur cette thématique tant qu'une condition n'est pas remplie ou déclarée."}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
