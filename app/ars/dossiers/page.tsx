import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Metadata } from "next";
import { QueueFilterForm } from "@/components/instruction/queue-filter-form";
import { QueuePagination, QueueTable } from "@/components/instruction/queue-table";
import { StatusCounts } from "@/components/instruction/status-counts";
import { requireRole } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { instructorRegionName } from "@/lib/instruction/instructor-region";
import { loadInstructionQueue, loadQueueFilterOptions } from "@/lib/instruction/queue";
import { parseQueueFilters, queueSearchParams } from "@/lib/instruction/queue-filters";

export const metadata: Metadata = { title: "Dossiers à instruire — ARS" };

const ACTION = "/ars/dossiers";

/** The instruction queue of the instructor's region (scope applied in the query, lib/instruction/queue). */
export default async function InstructionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("ARS_INSTRUCTOR", ACTION);
  const filters = parseQueueFilters(await searchParams);
  const db = getDb();
  const [regionName, queue, options] = await Promise.all([
    instructorRegionName(db, user),
    loadInstructionQueue(db, user, filters, now()),
    loadQueueFilterOptions(db, user),
  ]);
  const exportQuery = (format: "csv" | "xlsx") => queueSearchParams(filters, { format }).toString();
  return (
    <>
      <Breadcrumb segments={[{ label: "Instruction ARS", linkProps: { href: "/ars" } }]} currentPageLabel="Dossiers à instruire" />
      <h1>Dossiers à instruire — ARS {regionName ?? "(région non renseignée)"}</h1>
      <p>
        Les dossiers transmis par les établissements de votre région. Les brouillons, non transmis, n&apos;apparaissent pas. Le délai restant court
        jusqu&apos;à la fin de l&apos;instruction du guichet (jour inclus, heure de Paris).
      </p>
      <QueueFilterForm filters={filters} options={options} action={ACTION} />
      <StatusCounts filters={filters} counts={queue.counts} action={ACTION} />
      <section aria-labelledby="export-titre" className={`${fr.cx("fr-mb-2w")} flex flex-wrap items-baseline gap-4`}>
        <h2 id="export-titre" className={fr.cx("fr-text--md", "fr-text--bold", "fr-mb-0")}>
          Exporter la file filtrée (une ligne par EJ) :
        </h2>
        <a href={`/api/ars/export?${exportQuery("csv")}`} download className={fr.cx("fr-link", "fr-link--download")}>
          CSV (tableur, séparateur « ; »)
        </a>
        <a href={`/api/ars/export?${exportQuery("xlsx")}`} download className={fr.cx("fr-link", "fr-link--download")}>
          Excel (XLSX)
        </a>
      </section>
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
      <QueueTable queue={queue} filters={filters} action={ACTION} />
      <QueuePagination queue={queue} filters={filters} action={ACTION} />
    </>
  );
}
