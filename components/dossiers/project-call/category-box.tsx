import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import type { ProjectCallLiveFacts } from "@/lib/dossiers/kinds/project-call/form-model";
import { formatEuros } from "@/lib/funding/money";

const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/**
 * « Catégorie et plafond » (source 001): the activité combinée of each FINESS PMSI of the
 * perimeter, their sum, the project's category A–D and its cap — as the server computed them at
 * the last save — or what is missing to know them.
 */
export function CategoryBox({ live, pending }: { live: ProjectCallLiveFacts; pending: boolean }) {
  const { category, activities } = live;
  return (
    <CallOut title="Catégorie et plafond" titleAs="h2" bodyAs="div" iconId="fr-icon-calculator-line" className="fr-mb-0">
      <div aria-live="polite" data-testid="categorie-plafond">
        {pending && <p className="fr-text--sm fr-mb-1w">Le périmètre a changé : la catégorie est recalculée à l&apos;enregistrement du brouillon…</p>}
        {activities.length === 0 ? (
          <p className="fr-mb-0">
            Ajoutez au périmètre des établissements connus du référentiel FINESS : la catégorie dépend de l&apos;activité combinée cumulée de leurs FINESS PMSI.
          </p>
        ) : (
          <>
            <p className="fr-mb-1v">Activité combinée par FINESS PMSI du périmètre :</p>
            <ul className="fr-mb-1w">
              {activities.map((activity) => (
                <li key={activity.finessPmsi}>
                  FINESS PMSI {activity.finessPmsi} :{" "}
                  {activity.value === null
                    ? "activité combinée inconnue du portail"
                    : `${number.format(activity.value)}${activity.year ? ` (${activity.isEstimate ? `estimation SAE ${activity.year}` : activity.year})` : activity.isEstimate ? " (estimation SAE)" : ""}`}
                </li>
              ))}
            </ul>
            {category.known ? (
              <p className="fr-mb-0">
                Activité combinée cumulée : <strong>{number.format(category.combinedActivity)}</strong> — catégorie <strong>{category.category}</strong>, plafond du
                projet <strong>{formatEuros(category.cap)}</strong>.
              </p>
            ) : (
              <p className="fr-mb-0">
                Catégorie et plafond non déterminés :{" "}
                {category.missingFinessPmsi.length > 0
                  ? `activité combinée inconnue pour ${category.missingFinessPmsi.join(", ")} — contactez votre ARS.`
                  : "complétez le périmètre."}
              </p>
            )}
          </>
        )}
      </div>
    </CallOut>
  );
}
