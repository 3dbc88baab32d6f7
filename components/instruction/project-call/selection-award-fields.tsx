"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { fieldId, fieldState } from "@/components/dossiers/field-errors";
import { AWARD_JUSTIFICATION_FACTORS, type AwardJustificationFactor } from "@/lib/dossiers/kinds/project-call/scoring";
import { aapPayments, type AapCategory } from "@/lib/funding/aap";
import { formatEuros, type Cents } from "@/lib/funding/money";
import { parsedAmount } from "@/lib/dossiers/kinds/project-call/selection-form";

/** What « Retenir le projet » asks: the amount within the category's cap, its justification and, below the cap, the factors weighed. */
export function SelectionAwardFields({
  category,
  capCents,
  amountText,
  justification,
  factors,
  errors,
  disabled,
  onAmount,
  onJustification,
  onFactors,
}: {
  category: AapCategory;
  capCents: Cents;
  amountText: string;
  justification: string;
  factors: AwardJustificationFactor[];
  errors: Record<string, string>;
  disabled: boolean;
  onAmount: (text: string) => void;
  onJustification: (text: string) => void;
  onFactors: (factors: AwardJustificationFactor[]) => void;
}) {
  const amount = parsedAmount(amountText);
  const payments = amount.ok && amount.cents > 0 && amount.cents <= capCents ? aapPayments(amount.cents) : null;
  const belowCap = amount.ok && amount.cents < capCents;
  return (
    <div className={fr.cx("fr-mt-2w")}>
      <Input
        label="Montant accordé (en euros)"
        hintText={`Au plus le plafond de la catégorie ${category} : ${formatEuros(capCents)}. Par exemple 60 000 ou 60 000,50.`}
        disabled={disabled}
        {...fieldState(errors.grantedCents ? [errors.grantedCents] : undefined)}
        nativeInputProps={{
          id: fieldId("grantedCents"),
          "aria-invalid": errors.grantedCents ? true : undefined,
          inputMode: "decimal",
          autoComplete: "off",
          value: amountText,
          onChange: (event) => onAmount(event.target.value),
        }}
      />
      <p className={fr.cx("fr-text--sm")} aria-live="polite">
        {payments
          ? `Versements : 50 % en 2026 : ${formatEuros(payments.onAcceptance)} ; 50 % en 2027 : ${formatEuros(payments.onObjectives)} (après validation de l'atteinte des objectifs).`
          : "Versements : 50 % en 2026 à l'acceptation, 50 % en 2027 après validation de l'atteinte des objectifs."}
      </p>
      <Input
        textArea
        label="Justification du montant accordé (obligatoire)"
        hintText="Elle est communiquée à l'établissement, sur son dossier et dans l'e-mail de décision."
        disabled={disabled}
        {...fieldState(errors.justification ? [errors.justification] : undefined)}
        nativeTextAreaProps={{
          id: fieldId("justification"),
          "aria-invalid": errors.justification ? true : undefined,
          rows: 4,
          maxLength: 4000,
          value: justification,
          onChange: (event) => onJustification(event.target.value),
        }}
      />
      <Checkbox
        id={fieldId("factors")}
        legend="Éléments ayant déterminé le montant"
        hintText={
          belowCap
            ? `Obligatoire : le montant est inférieur au plafond de la catégorie ${category} (${formatEuros(capCents)}). Cochez au moins un élément.`
            : `Obligatoire lorsque le montant est inférieur au plafond de la catégorie ${category}.`
        }
        disabled={disabled}
        {...fieldState(errors.factors ? [errors.factors] : undefined)}
        options={AWARD_JUSTIFICATION_FACTORS.map((factor) => ({
          label: factor.label,
          nativeInputProps: {
            name: "facteurs-montant",
            value: factor.key,
            checked: factors.includes(factor.key),
            // Kept in the source's order, whatever the order of the clicks.
            onChange: (event) => onFactors(AWARD_JUSTIFICATION_FACTORS.map((other) => other.key).filter((key) => (key === factor.key ? event.target.checked : factors.includes(key)))),
          },
        }))}
      />
    </div>
  );
}
