import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import Link from "next/link";
import { dossierStatusLabel } from "@/lib/dossiers/machine";
import type { QueueFilterOptions } from "@/lib/instruction/queue";
import { QUEUE_SORT_LABELS, QUEUE_SORTS, type QueueFilters } from "@/lib/instruction/queue-filters";
import type { InstructionSpace } from "./instruction-space";

const column = fr.cx("fr-col-12", "fr-col-md-4");

/**
 * The queue's filters: a plain GET form (works without JavaScript, every field
 * labelled, submitted with Enter), so a filtered queue is a shareable URL.
 * The region select is offered to a national queue only (`options.regions`).
 */
export function QueueFilterForm({ filters, options, action, space }: { filters: QueueFilters; options: QueueFilterOptions; action: string; space: InstructionSpace }) {
  return (
    <form role="search" aria-label="Filtrer les dossiers" action={action} method="get" className={fr.cx("fr-mb-4w")}>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={column}>
          <Input label="Rechercher" hintText="Nom ou FINESS d'un établissement, ou n° de dossier." nativeInputProps={{ name: "q", type: "search", defaultValue: filters.q ?? "", maxLength: 100 }} />
        </div>
        <div className={column}>
          <Select label="Guichet" nativeSelectProps={{ name: "guichet", defaultValue: filters.guichet ?? "" }}>
            <option value="">Tous les guichets</option>
            {options.guichets.map((guichet) => (
              <option key={guichet.code} value={guichet.code}>
                {guichet.label}
              </option>
            ))}
          </Select>
        </div>
        <div className={column}>
          <Select label="Statut" nativeSelectProps={{ name: "statut", defaultValue: filters.statut ?? "" }}>
            <option value="">Tous les statuts</option>
            {space.statuses.map((status) => (
              <option key={status} value={status}>
                {dossierStatusLabel(status, space.statusKind)}
              </option>
            ))}
          </Select>
        </div>
        {options.regions && (
          <div className={column}>
            <Select label="Région" hint="La région de l'établissement porteur." nativeSelectProps={{ name: "region", defaultValue: filters.region ?? "" }}>
              <option value="">Toutes les régions</option>
              {options.regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className={column}>
          <Select label="GHT" nativeSelectProps={{ name: "ght", defaultValue: filters.ght ?? "" }}>
            <option value="">Tous (avec ou sans GHT)</option>
            {options.ghts.map((ght) => (
              <option key={ght.code} value={ght.code}>
                {ght.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={column}>
          <Input
            label="FINESS EJ"
            hintText="9 caractères : les dossiers qui portent cette entité juridique."
            nativeInputProps={{ name: "ej", defaultValue: filters.ej ?? "", autoComplete: "off", maxLength: 9, pattern: "[0-9][0-9A-Za-z][0-9]{7}", spellCheck: false }}
          />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Select label="Trier par" nativeSelectProps={{ name: "tri", defaultValue: filters.tri }}>
            {QUEUE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {QUEUE_SORT_LABELS[sort]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
          <Select label="Ordre" nativeSelectProps={{ name: "ordre", defaultValue: filters.ordre }}>
            <option value="asc">Croissant</option>
            <option value="desc">Décroissant</option>
          </Select>
        </div>
        <div className={fr.cx("fr-col-12")}>
          <Checkbox
            small
            options={[
              {
                label: "Seulement les dossiers en attente d'une décision",
                hintText: "Transmis, ou renvoyés à l'établissement pour complément.",
                nativeInputProps: { name: "encours", value: "1", defaultChecked: filters.encours === "1" },
              },
            ]}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" iconId="fr-icon-filter-line" iconPosition="left">
          Filtrer
        </Button>
        <Link href={action}>Réinitialiser les filtres</Link>
      </div>
    </form>
  );
}
