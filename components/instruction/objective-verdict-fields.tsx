"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";

export interface VerdictDraft {
  reached: boolean | null;
  reason: string;
}

/** `objectives.<FINESS>.<code>`, as acceptDossier keys its errors; the field's id follows it. */
export const verdictKey = (finess: string, code: string) => `objectives.${finess}.${code}`;
export const verdictFieldId = (finess: string, code: string) => `objectif-${finess}-${code.replace(".", "-")}`;

/**
 * Source 000's « instruction des cibles » (2027–2028): for each objective the EJ declared, the
 * instructor says whether it is reached, or not and why (the reason goes to the establishment).
 */
export function ObjectiveVerdictFields({
  finess,
  name,
  declared,
  previous,
  verdicts,
  errors,
  onChange,
}: {
  finess: string;
  name: string;
  declared: { code: string; label: string }[];
  /** The year before: what the ARS validated, and what of it is not declared again (source 000's carry-over). */
  previous: { year: number; validated: string[]; notDeclaredAgain: string[] };
  verdicts: Record<string, VerdictDraft>;
  errors: Record<string, string>;
  onChange: (code: string, verdict: VerdictDraft) => void;
}) {
  const legendId = `objectifs-${finess}-legende`;
  if (declared.length === 0) {
    return <p className={fr.cx("fr-text--sm")}>{name} n&apos;a déclaré aucun objectif atteint : le montant éligible est nul.</p>;
  }
  return (
    <fieldset className={fr.cx("fr-fieldset")} aria-labelledby={legendId}>
      <legend id={legendId} className={fr.cx("fr-fieldset__legend")}>
        Objectifs déclarés atteints — {name}
        <span className="fr-hint-text">Validez chaque objectif au vu de sa preuve ; le montant maximal suit les objectifs validés (1.0 non validé : 0 €).</span>
      </legend>
      {previous.validated.length > 0 && (
        <p className={fr.cx("fr-fieldset__element", "fr-text--sm")} data-testid={`reconduction-${finess}`}>
          Validés par l&apos;ARS en {previous.year} : {previous.validated.join(", ")}.
          {previous.notDeclaredAgain.length > 0 && <strong> Non déclarés de nouveau cette année : {previous.notDeclaredAgain.join(", ")}.</strong>}
        </p>
      )}
      {declared.map((objective) => {
        const verdict = verdicts[objective.code] ?? { reached: null, reason: "" };
        const error = errors[verdictKey(finess, objective.code)];
        const radioName = `${verdictFieldId(finess, objective.code)}-verdict`;
        return (
          <div key={objective.code} className={fr.cx("fr-fieldset__element")}>
            <RadioButtons
              id={verdictFieldId(finess, objective.code)}
              legend={previous.validated.includes(objective.code) ? `${objective.label} (validé en ${previous.year})` : objective.label}
              orientation="horizontal"
              state={error && verdict.reached === null ? "error" : "default"}
              stateRelatedMessage={error && verdict.reached === null ? error : undefined}
              options={[
                { label: "Atteint", nativeInputProps: { name: radioName, value: "oui", checked: verdict.reached === true, onChange: () => onChange(objective.code, { ...verdict, reached: true }) } },
                { label: "Non atteint", nativeInputProps: { name: radioName, value: "non", checked: verdict.reached === false, onChange: () => onChange(objective.code, { ...verdict, reached: false }) } },
              ]}
            />
            {verdict.reached === false && (
              <Input
                textArea
                label={`Motif — objectif ${objective.code} non atteint (obligatoire)`}
                hintText="Communiqué à l'établissement, sur son dossier et dans l'e-mail de décision."
                state={error ? "error" : "default"}
                stateRelatedMessage={error}
                nativeTextAreaProps={{
                  id: `${verdictFieldId(finess, objective.code)}-motif`,
                  "aria-invalid": error ? true : undefined,
                  rows: 2,
                  value: verdict.reason,
                  onChange: (event) => onChange(objective.code, { ...verdict, reason: event.target.value }),
                }}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
