"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { lookUpLegalEntity } from "@/app/simulateur/actions";
import { CombinedActivityTable } from "@/components/combined-activity-table";
import { LegalEntityCard } from "@/components/legal-entity-card";
import { finessField, type FoundLegalEntity, type LookupOutcome } from "./simulator-input";

/**
 * Finds an EJ by FINESS (EJ, or one of its EG) through the server action and shows it with
 * its EG and the SAE year retained for each, and its activité combinée. The parent holds the
 * field and the last answer, and shows an answer only while the field still holds its FINESS
 * (outcomeForField): editing the field clears the EJ found and any failure at once.
 */
export function LegalEntityLookup({
  value,
  onValueChange,
  outcome,
  onOutcome,
  ownEntities,
}: {
  value: string;
  onValueChange: (value: string) => void;
  /** The answer for the FINESS now in the field, if any. */
  outcome: LookupOutcome | null;
  onOutcome: (outcome: LookupOutcome | null) => void;
  /** A signed-in referent's own EJ, offered without a search. */
  ownEntities: readonly FoundLegalEntity[];
}) {
  const [pending, startTransition] = useTransition();
  // The field is checked on submit, then again as it is corrected (an error at the first digit would only be noise).
  const [submitted, setSubmitted] = useState(false);
  // Answers arrive in any order: only the last search may speak.
  const lastRequest = useRef(0);
  const parsed = finessField.safeParse(value);
  const fieldError = submitted && !parsed.success ? (parsed.error.issues[0]?.message ?? "Numéro FINESS invalide.") : undefined;
  const entity = outcome?.result.ok ? outcome.result.data : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.success) return;
    const finess = parsed.data;
    const request = ++lastRequest.current;
    // The previous answer goes now: while searching, nothing on screen is an answer.
    onOutcome(null);
    startTransition(async () => {
      const result = await lookUpLegalEntity(finess);
      if (request !== lastRequest.current) return;
      startTransition(() => onOutcome({ finess, result }));
    });
  }

  function choose(own: FoundLegalEntity) {
    lastRequest.current += 1;
    setSubmitted(false);
    onValueChange(own.finess);
    onOutcome({ finess: own.finess, result: { ok: true, data: own } });
  }

  return (
    <div>
      {ownEntities.length > 1 && (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--sm")} aria-label="Vos entités juridiques">
          {ownEntities.map((own) => (
            <li key={own.finess}>
              <Button priority="secondary" size="small" onClick={() => choose(own)}>
                {`${own.name} (${own.finess})`}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form role="search" aria-label="Rechercher une entité juridique" noValidate onSubmit={onSubmit}>
        <Input
          className="max-w-xl"
          label="Numéro FINESS EJ"
          hintText="9 caractères, par exemple 998400402. Le FINESS d'un de ses établissements géographiques (EG) est aussi accepté."
          state={fieldError ? "error" : "default"}
          stateRelatedMessage={fieldError}
          nativeInputProps={{
            value,
            onChange: (event) => onValueChange(event.target.value),
            autoComplete: "off",
            spellCheck: false,
            "aria-invalid": fieldError ? true : undefined,
          }}
          addon={
            <Button type="submit" disabled={pending}>
              Rechercher
            </Button>
          }
        />
      </form>
      <div aria-live="polite">
        {pending && <p>Recherche en cours…</p>}
        {outcome && !outcome.result.ok && <Alert role={undefined} severity="error" small description={outcome.result.message} />}
        {entity && outcome && outcome.finess !== entity.finess && (
          <Alert role={undefined} small severity="info" description={`Le FINESS ${outcome.finess} est celui d'un établissement géographique : voici son entité juridique.`} />
        )}
      </div>
      {entity && (
        <div className={fr.cx("fr-mt-2w")}>
          <LegalEntityCard entity={entity} />
          <section aria-labelledby="activite-trouvee" className={fr.cx("fr-mt-2w")}>
            <h3 id="activite-trouvee">Activité combinée et catégorie de l&apos;appel à projets HOP&apos;EN2</h3>
            <CombinedActivityTable activity={entity.combinedActivity} />
          </section>
        </div>
      )}
    </div>
  );
}
