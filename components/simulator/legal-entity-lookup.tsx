"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { lookUpLegalEntity } from "@/app/simulateur/actions";
import { CombinedActivityTable } from "@/components/combined-activity-table";
import { LegalEntityCard } from "@/components/legal-entity-card";
import { TextField } from "@/components/ui/text-field";
import { finessFormSchema, type FinessFormInput, type FinessFormOutput, type FoundLegalEntity } from "./simulator-input";

/**
 * Finds an EJ by FINESS (EJ, or one of its EG) through the server action and shows it with
 * its EG and the SAE year retained for each, and its activité combinée; the parent takes its headcount.
 */
export function LegalEntityLookup({ entity, onEntityChange }: { entity: FoundLegalEntity | null; onEntityChange: (entity: FoundLegalEntity | null) => void }) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const [searchedFiness, setSearchedFiness] = useState<string | null>(null);
  // Validated on submit, then as the user corrects: an error at the first digit typed would only be noise.
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<FinessFormInput, unknown, FinessFormOutput>({
    resolver: zodResolver(finessFormSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: { finess: "" },
  });

  function onSubmit({ finess }: FinessFormOutput) {
    setFailure(null);
    startTransition(async () => {
      const result = await lookUpLegalEntity(finess);
      startTransition(() => {
        if (result.ok) {
          setSearchedFiness(finess);
          onEntityChange(result.data);
        } else {
          setSearchedFiness(null);
          setFailure(result.message);
          onEntityChange(null);
        }
      });
    });
  }

  return (
    <div className="space-y-4">
      <form role="search" aria-label="Rechercher une entité juridique" noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-wrap items-end gap-3">
        <TextField
          label="Numéro FINESS EJ"
          hint="9 caractères, par exemple 998400402. Le FINESS d'un de ses établissements géographiques (EG) est aussi accepté."
          autoComplete="off"
          spellCheck={false}
          error={errors.finess?.message}
          className="w-full max-w-md"
          {...register("finess")}
        />
        <button type="submit" disabled={pending} className="bg-bleu-france px-4 py-2 font-semibold text-white hover:bg-bleu-france-hover disabled:opacity-60">
          Rechercher
        </button>
      </form>
      <div aria-live="polite" className="space-y-3">
        {pending && <p>Recherche en cours…</p>}
        {failure && <p className="border-l-4 border-erreur bg-red-50 p-3 font-semibold text-erreur">{failure}</p>}
        {entity && searchedFiness !== null && searchedFiness !== entity.finess && (
          <p className="border-l-4 border-bleu-france bg-bleu-clair p-3">
            Le FINESS {searchedFiness} est celui d&apos;un établissement géographique : voici son entité juridique.
          </p>
        )}
      </div>
      {entity && <LegalEntityCard entity={entity} />}
      {entity && (
        <section aria-labelledby="activite-trouvee" className="space-y-2">
          <h3 id="activite-trouvee" className="text-lg font-bold">
            Activité combinée et catégorie de l&apos;appel à projets HOP&apos;EN2
          </h3>
          <CombinedActivityTable activity={entity.combinedActivity} />
        </section>
      )}
    </div>
  );
}
