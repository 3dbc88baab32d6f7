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
    <div className="space-y-8">
      <section aria-labelledby="nru-titre" className="border-l-4 border-succes bg-fond-alt p-5">
        <h2 id="nru-titre" className="text-lg font-bold">
          Numéro de référence unique (NRU)
        </h2>
        <p className="mt-1 font-mono text-3xl font-bold tracking-wide text-bleu-france" data-nru>
          {nru}
        </p>
        <p className="mt-2">
          Validée le {formatParisInstant(validatedAt)}
          {validatedByName ? ` par ${validatedByName}` : ""}.
        </p>
        <p className="mt-1 text-sm">
          Indiquez ce NRU dans les dépôts de dossier de l&apos;année {year} : l&apos;autoévaluation retenue doit être validée entre le 1er janvier
          de l&apos;année de la relève et le dépôt du dossier. Pour une relève ultérieure, dupliquez-la, mettez-la à jour et validez la copie.
        </p>
      </section>

      <table className="w-full max-w-3xl border-collapse text-left">
        <caption className="mb-2 text-left text-xl font-bold">Scores de maturité</caption>
        <thead>
          <tr className="border-b-2 border-gris-texte">
            <th scope="col" className="py-2 pr-3">
              Dimension
            </th>
            <th scope="col" className="py-2 text-right">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {scores.dimensions.map((dimension) => {
            const objective = definition.dimensions.find((candidate) => candidate.id === dimension.dimensionId)?.objectiveCode;
            return (
              <tr key={dimension.dimensionId} className="border-b border-gris-bordure">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {objective ? `${objective} — ` : ""}
                  {dimension.title}
                  <span aria-hidden="true" className="mt-1 block h-2 bg-bleu-clair">
                    <span className="block h-2 bg-bleu-france" style={{ width: `${Math.min(100, dimension.percent)}%` }} />
                  </span>
                </th>
                <td className="py-2 text-right font-semibold">{formatPercent(dimension.percent)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-gris-texte">
            <th scope="row" className="py-2 pr-3">
              Score global
            </th>
            <td className="py-2 text-right text-xl font-bold">{formatPercent(scores.overall.percent)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="max-w-3xl text-sm">
        Score d&apos;une dimension : moyenne des niveaux de ses questions rapportés au niveau maximal ; score global : moyenne des dimensions.
        Pour une question renseignée par établissement géographique, le niveau retenu est la moyenne des niveaux des EG.
      </p>

      <div className="space-y-6">
        <h2 className="text-2xl font-bold">Réponses</h2>
        {definition.dimensions.map((dimension) => (
          <section key={dimension.id} aria-labelledby={`reponses-${dimension.id}`}>
            <h3 id={`reponses-${dimension.id}`} className="text-xl font-bold">
              {dimension.objectiveCode ? `${dimension.objectiveCode} — ` : ""}
              {dimension.title}
            </h3>
            <dl className="mt-2 space-y-3">
              {dimension.questions.map((question) => {
                    const answer = answers[question.id];
                const level = questionLevel(question, answer, siteFinesses);
                const labelOf = (value: number) => question.levels[value]?.label ?? "";
                return (
                  <div key={question.id} className="border-l-2 border-gris-bordure pl-3">
                    <dt className="font-semibold">
                      {numberOf.get(question.id)}. {question.label}
                    </dt>
                    <dd>
                      {answer?.mode === "global" && `Niveau ${answer.level} — ${labelOf(answer.level)}`}
                      {answer?.mode === "perSite" && (
                        <>
                          Moyenne des EG : {level ? formatLevel(level) : "—"} sur {question.levels.length - 1}
                          <ul className="list-disc pl-6 text-sm">
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
    </div>
  );
}
