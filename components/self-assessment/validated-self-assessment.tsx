import { fr } from "@codegouvfr/react-dsfr";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatParisInstant, parisDate } from "@/lib/clock";
import { questionsOf, type QuestionnaireDefinition } from "@/lib/self-assessment/questionnaire-definition";
import { questionLevel, type Answers, type Scores, type SiteRef } from "@/lib/self-assessment/scoring";
import { formatLevel, formatPercent } from "./format";

/**
 * The read-only view of a VALIDATED self-assessment: its NRU first (it is what the deposit asks
 * for, source 003), the scores per dimension and overall, then the answers.
 */
export function ValidatedSelfAssessment({
  nru,
  validatedAt,
  validatedByName,
  definition,
  answers,
  scores,
  sites,
}: {
  nru: string;
  validatedAt: Date;
  validatedByName: string | null;
  definition: QuestionnaireDefinition;
  answers: Answers;
  scores: Scores;
  sites: SiteRef[];
}) {
  const year = Number(parisDate(validatedAt).slice(0, 4));
  const siteFinesses = sites.map((site) => site.finess);
  const siteName = new Map(sites.map((site) => [site.finess, site.name]));
  const numberOf = new Map(questionsOf(definition).map(({ question }, index) => [question.id, index + 1]));
  return (
    <div>
      <section aria-labelledby="nru-titre" className={fr.cx("fr-mb-6w")}>
        <CallOut
          colorVariant="green-emeraude"
          iconId="fr-icon-success-line"
          titleAs="h2"
          title={<span id="nru-titre">Numéro de référence unique (NRU)</span>}
          bodyAs="div"
        >
          <p className={fr.cx("fr-h3", "fr-mb-1w")} data-nru>
            {nru}
          </p>
          <p className={fr.cx("fr-mb-1w")}>
            Validée le {formatParisInstant(validatedAt)}
            {validatedByName ? ` par ${validatedByName}` : ""}.
          </p>
          <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
            Indiquez ce NRU dans les dépôts de dossier de l&apos;année {year} : l&apos;autoévaluation retenue doit être validée entre le 1er janvier de
            l&apos;année de la relève et le dépôt du dossier. Pour une relève ultérieure, dupliquez-la, mettez-la à jour et validez la copie.
          </p>
        </CallOut>
      </section>

      <Table
        className="max-w-3xl"
        caption="Scores de maturité"
        headers={["Dimension", "Score"]}
        data={[
          ...scores.dimensions.map((dimension) => {
            const objective = definition.dimensions.find((candidate) => candidate.id === dimension.dimensionId)?.objectiveCode;
            return [`${objective ? `${objective} — ` : ""}${dimension.title}`, formatPercent(dimension.percent)];
          }),
          [
            <strong key="global">Score global</strong>,
            <strong key="score">{formatPercent(scores.overall.percent)}</strong>,
          ],
        ]}
      />
      <p className={`${fr.cx("fr-text--sm", "fr-mb-6w")} max-w-3xl`}>
        Score d&apos;une dimension : moyenne des niveaux de ses questions rapportés au niveau maximal ; score global : moyenne des dimensions.
        Pour une question renseignée par établissement géographique, le niveau retenu est la moyenne des niveaux des EG.
      </p>

      <h2>Réponses</h2>
      {definition.dimensions.map((dimension) => (
        <section key={dimension.id} aria-labelledby={`reponses-${dimension.id}`} className={fr.cx("fr-mb-4w")}>
          <h3 id={`reponses-${dimension.id}`}>
            {dimension.objectiveCode ? `${dimension.objectiveCode} — ` : ""}
            {dimension.title}
          </h3>
          <dl>
            {dimension.questions.map((question) => {
              const answer = answers[question.id];
              const level = questionLevel(question, answer, siteFinesses);
              const labelOf = (value: number) => question.levels[value]?.label ?? "";
              return (
                <div key={question.id} className={fr.cx("fr-mb-2w")}>
                  <dt className={fr.cx("fr-text--bold")}>
                    {numberOf.get(question.id)}. {question.label}
                  </dt>
                  <dd>
                    {answer?.mode === "global" && `Niveau ${answer.level} — ${labelOf(answer.level)}`}
                    {answer?.mode === "perSite" && (
                      <>
                        Moyenne des EG : {level ? formatLevel(level) : "—"} sur {question.levels.length - 1}
                        <ul className={fr.cx("fr-text--sm")}>
                          {Object.entries(answer.levels).map(([finess, value]) => (
                            <li key={finess}>
                              {siteName.get(finess) ?? finess} ({finess}) : niveau {value} — {labelOf(value)}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {!answer && "Non renseignée"}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
