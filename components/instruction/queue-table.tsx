import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Table } from "@codegouvfr/react-dsfr/Table";
import Link from "next/link";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import type { InstructionQueue, QueueRow } from "@/lib/instruction/queue";
import { QUEUE_SORT_LABELS, queueSearchParams, type QueueFilters, type QueueSort } from "@/lib/instruction/queue-filters";
import { daysLeftLabel, daysLeftSentence, formatParisDay } from "./format";
import { dossierPath, type InstructionSpace } from "./instruction-space";

/** Fewer days left than this: the remaining time is flagged (a warning badge, its words say it too). */
const URGENT_DAYS = 7;

/** A column header that sorts the queue (a link, so the keyboard and the back button work); its words say the current order. */
function SortHeader({ sort, label, filters, action }: { sort: QueueSort; label: string; filters: QueueFilters; action: string }) {
  const active = filters.tri === sort;
  const next = active && filters.ordre === "asc" ? "desc" : "asc";
  const href = `${action}?${queueSearchParams(filters, { tri: sort, ordre: next, page: 1 }).toString()}`;
  const ascending = filters.ordre === "asc";
  const sortedClass = ascending ? fr.cx("fr-link", "fr-link--icon-right", "fr-icon-arrow-up-line") : fr.cx("fr-link", "fr-link--icon-right", "fr-icon-arrow-down-line");
  const linkClass = active ? sortedClass : fr.cx("fr-link");
  return (
    <Link href={href} className={linkClass}>
      {label}
      <span className={fr.cx("fr-sr-only")}>{active ? ` (trié ${filters.ordre === "asc" ? "croissant" : "décroissant"} ; trier ${next === "asc" ? "croissant" : "décroissant"})` : " (trier)"}</span>
    </Link>
  );
}

function establishmentCell(row: QueueRow, showRegion: boolean) {
  return (
    <>
      <span className={fr.cx("fr-text--bold")}>{row.carrier.name}</span>
      <br />
      <span className={fr.cx("fr-text--xs")}>FINESS EJ {row.carrier.finess}</span>
      {showRegion && (
        <>
          <br />
          <span className={fr.cx("fr-text--xs")}>Région : {row.region.name}</span>
        </>
      )}
      {row.ght && (
        <>
          <br />
          <span className={fr.cx("fr-text--xs")}>{row.ght.name}</span>
        </>
      )}
      {row.parts.length > 1 && (
        <>
          <br />
          <span className={fr.cx("fr-text--xs")}>
            {row.parts.length} EJ dans le dossier : {row.parts.map((part) => part.name).join(", ")}
          </span>
        </>
      )}
    </>
  );
}

function daysLeftCell(row: QueueRow) {
  if (row.proofsToReview) return "Preuves à examiner";
  if (row.status === "PROOF_CHANGES_REQUESTED") return "Complément demandé sur les preuves";
  const label = daysLeftLabel(row.daysLeft);
  const sentence = daysLeftSentence(row.daysLeft, row.instructionEndsOn);
  const urgent = row.daysLeft !== null && row.daysLeft <= URGENT_DAYS;
  return (
    <>
      <span aria-hidden="true">
        {urgent ? (
          <Badge as="span" small severity="warning" noIcon>
            {label}
          </Badge>
        ) : (
          label
        )}
      </span>
      <span className={fr.cx("fr-sr-only")}>{sentence}</span>
    </>
  );
}

/** The queue's rows (DSFR table); the column headers sort; each number opens the dossier in the same space. A national queue (ANS) says each carrier's region. */
export function QueueTable({ queue, filters, action, space }: { queue: InstructionQueue; filters: QueueFilters; action: string; space: InstructionSpace }) {
  const { rows, total, page, pageCount } = queue;
  const caption = `${total} dossier${total > 1 ? "s" : ""} transmis${pageCount > 1 ? ` — page ${page} sur ${pageCount}` : ""} — tri : ${QUEUE_SORT_LABELS[filters.tri].toLowerCase()} (${filters.ordre === "asc" ? "croissant" : "décroissant"})`;
  if (rows.length === 0) {
    return (
      <p className={fr.cx("fr-my-4w")} data-testid="file-vide">
        {caption}. Aucun dossier transmis ne correspond à ces critères.
      </p>
    );
  }
  return (
    <Table
      caption={caption}
      headers={[
        <SortHeader key="numero" sort="numero" label="N° de dossier" filters={filters} action={action} />,
        <SortHeader key="etablissement" sort="etablissement" label="Établissement" filters={filters} action={action} />,
        "Guichet",
        "Statut",
        <SortHeader key="depot" sort="depot" label="Transmis le" filters={filters} action={action} />,
        <SortHeader key="delai" sort="delai" label="Jours restants" filters={filters} action={action} />,
      ]}
      data={rows.map((row) => [
        <Link key="numero" href={dossierPath(space, row.id)} className={fr.cx("fr-link")}>
          {row.number}
        </Link>,
        establishmentCell(row, space.body === "ANS"),
        row.guichet.label,
        <>
          <DossierStatusBadge status={row.status} kind={row.guichet.kind} />
          {row.changesRequestedAt && (
            <>
              <br />
              <span className={fr.cx("fr-text--xs")}>depuis le {formatParisDay(row.changesRequestedAt)}</span>
            </>
          )}
        </>,
        row.submittedAt ? formatParisDay(row.submittedAt) : "—",
        daysLeftCell(row),
      ])}
    />
  );
}

/** DSFR pagination, kept outside the table so it is reached after it. */
export function QueuePagination({ queue, filters, action }: { queue: InstructionQueue; filters: QueueFilters; action: string }) {
  if (queue.pageCount <= 1) return null;
  return (
    <Pagination
      count={queue.pageCount}
      defaultPage={queue.page}
      showFirstLast
      getPageLinkProps={(page) => ({ href: `${action}?${queueSearchParams(filters, { page }).toString()}` })}
    />
  );
}
