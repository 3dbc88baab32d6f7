import Link from "next/link";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import type { QueueFilterOptions } from "@/lib/instruction/queue";
import { QUEUE_SORT_LABELS, QUEUE_SORTS, QUEUE_STATUSES, type QueueFilters } from "@/lib/instruction/queue-filters";

const fieldClass = "mt-1 block w-full border-b-2 border-gris-texte bg-fond-alt px-3 py-2";

/**
 * The queue's filters: a plain GET form (works without JavaScript, every field
 * labelled, submitted with Enter), so a filtered queue is a shareable URL.
 */
export function QueueFilterForm({ filters, options, action }: { filters: QueueFilters; options: QueueFilterOptions; action: string }) {
  return (
    <form role="search" aria-label="Filtrer les dossiers" action={action} method="get" className="space-y-4 border border-gris-bordure p-4">
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor="filtre-q" className="block font-semibold">
            Rechercher
          </label>
          <input id="filtre-q" name="q" type="search" defaultValue={filters.q ?? ""} aria-describedby="filtre-q-aide" className={fieldClass} />
          <p id="filtre-q-aide" className="mt-1 text-xs">
            Nom ou FINESS d&apos;un établissement, ou n° de dossier.
          </p>
        </div>
        <div>
          <label htmlFor="filtre-guichet" className="block font-semibold">
            Guichet
          </label>
          <select id="filtre-guichet" name="guichet" defaultValue={filters.guichet ?? ""} className={fieldClass}>
            <option value="">Tous les guichets</option>
            {options.guichets.map((guichet) => (
              <option key={guichet.code} value={guichet.code}>
                {guichet.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-statut" className="block font-semibold">
            Statut
          </label>
          <select id="filtre-statut" name="statut" defaultValue={filters.statut ?? ""} className={fieldClass}>
            <option value="">Tous les statuts</option>
            {QUEUE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {DOSSIER_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-ght" className="block font-semibold">
            GHT
          </label>
          <select id="filtre-ght" name="ght" defaultValue={filters.ght ?? ""} className={fieldClass}>
            <option value="">Tous (avec ou sans GHT)</option>
            {options.ghts.map((ght) => (
              <option key={ght.code} value={ght.code}>
                {ght.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-ej" className="block font-semibold">
            FINESS EJ
          </label>
          <input
            id="filtre-ej"
            name="ej"
            defaultValue={filters.ej ?? ""}
            inputMode="text"
            autoComplete="off"
            maxLength={9}
            pattern="[0-9][0-9A-Za-z][0-9]{7}"
            aria-describedby="filtre-ej-aide"
            className={fieldClass}
          />
          <p id="filtre-ej-aide" className="mt-1 text-xs">
            9 caractères : les dossiers qui portent cette entité juridique.
          </p>
        </div>
        <div className="flex gap-3">
          <div className="grow">
            <label htmlFor="filtre-tri" className="block font-semibold">
              Trier par
            </label>
            <select id="filtre-tri" name="tri" defaultValue={filters.tri} className={fieldClass}>
              {QUEUE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {QUEUE_SORT_LABELS[sort]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filtre-ordre" className="block font-semibold">
              Ordre
            </label>
            <select id="filtre-ordre" name="ordre" defaultValue={filters.ordre} className={fieldClass}>
              <option value="asc">Croissant</option>
              <option value="desc">Décroissant</option>
            </select>
          </div>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="bg-bleu-france px-4 py-2 font-semibold text-white hover:bg-bleu-france-hover">
          Filtrer
        </button>
        <Link href={action}>Réinitialiser les filtres</Link>
      </div>
    </form>
  );
}
