import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { QueuePageData } from "@/lib/instruction/instruction-pages";
import { queueSearchParams, type QueueFilters } from "@/lib/instruction/queue-filters";
import { queuePath, type InstructionSpace } from "./instruction-space";
import { QueueFilterForm } from "./queue-filter-form";
import { QueuePagination, QueueTable } from "./queue-table";
import { StatusCounts } from "./status-counts";

/** The queue's title: the ARS instructor's region, or the national queue of the ANS. */
function queueTitle(space: InstructionSpace, regionName: string | null): string {
  return space.body === "ANS" ? "Dossiers à instruire — ANS (national)" : `Dossiers à instruire — ARS ${regionName ?? "(région non renseignée)"}`;
}

/**
 * The instruction queue of a space (`/ars/dossiers`, `/ans/dossiers`): filters, counts by
 * status, exports and the table. The rows are the user's scope, applied in the query
 * (lib/instruction/queue); the space only says where the links go and how the page words it.
 */
export function InstructionQueuePage({ space, filters, data }: { space: InstructionSpace; filters: QueueFilters; data: QueuePageData }) {
  const { queue, options } = data;
  const action = queuePath(space);
  const exportQuery = (format: "csv" | "xlsx") => queueSearchParams(filters, { format }).toString();
  return (
    <>
      <Breadcrumb segments={[{ label: `Instruction ${space.body}`, linkProps: { href: space.basePath } }]} currentPageLabel="Dossiers à instruire" />
      <h1>{queueTitle(space, data.regionName)}</h1>
      {space.body === "ANS" ? (
        <p>
          Les relèves HospiConnect/CaRE transmises par les établissements de toutes les régions. Les brouillons, non transmis, n&apos;apparaissent pas. Le délai
          restant court jusqu&apos;à la fin de l&apos;instruction du guichet (jour inclus, heure de Paris).
        </p>
      ) : (
        <p>
          Les dossiers transmis par les établissements de votre région. Les brouillons, non transmis, n&apos;apparaissent pas. Le délai restant court
          jusqu&apos;à la fin de l&apos;instruction du guichet (jour inclus, heure de Paris).
        </p>
      )}
      <QueueFilterForm filters={filters} options={options} action={action} space={space} />
      <StatusCounts filters={filters} counts={queue.counts} action={action} space={space} />
      <section aria-labelledby="export-titre" className={`${fr.cx("fr-mb-2w")} flex flex-wrap items-baseline gap-4`}>
        <h2 id="export-titre" className={fr.cx("fr-text--md", "fr-text--bold", "fr-mb-0")}>
          Exporter la file filtrée (une ligne par EJ) :
        </h2>
        <a href={`${space.exportPath}?${exportQuery("csv")}`} download className={fr.cx("fr-link", "fr-link--download")}>
          CSV (tableur, séparateur « ; »)
        </a>
        <a href={`${space.exportPath}?${exportQuery("xlsx")}`} download className={fr.cx("fr-link", "fr-link--download")}>
          Excel (XLSX)
        </a>
      </section>
      {space.projectCallExports && (
        <section aria-labelledby="export-projets-titre" className={`${fr.cx("fr-mb-2w")} flex flex-wrap items-baseline gap-4`}>
          <h2 id="export-projets-titre" className={fr.cx("fr-text--md", "fr-text--bold", "fr-mb-0")}>
            Exporter les projets AAP HOP&apos;EN2 de la file filtrée (une ligne par projet : porteur, périmètre, thématique, catégorie, plafond, montant accordé, versements 2026 et 2027) :
          </h2>
          <a href={`/api/ars/export-projets?${exportQuery("csv")}`} download className={fr.cx("fr-link", "fr-link--download")}>
            Projets AAP en CSV
          </a>
          <a href={`/api/ars/export-projets?${exportQuery("xlsx")}`} download className={fr.cx("fr-link", "fr-link--download")}>
            Projets AAP en Excel (XLSX)
          </a>
        </section>
      )}
      <QueueTable queue={queue} filters={filters} action={action} space={space} />
      <QueuePagination queue={queue} filters={filters} action={action} />
    </>
  );
}
