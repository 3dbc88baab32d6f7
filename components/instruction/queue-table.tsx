import Link from "next/link";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import type { InstructionQueue } from "@/lib/instruction/queue";
import { QUEUE_SORT_LABELS, queueSearchParams, type QueueFilters, type QueueSort } from "@/lib/instruction/queue-filters";
import { daysLeftLabel, daysLeftSentence, formatParisDay } from "./format";

function SortHeader({ sort, label, filters, action, className = "" }: { sort: QueueSort; label: string; filters: QueueFilters; action: string; className?: string }) {
  const active = filters.tri === sort;
  const next = active && filters.ordre === "asc" ? "desc" : "asc";
  const href = `${action}?${queueSearchParams(filters, { tri: sort, ordre: next, page: 1 }).toString()}`;
  return (
    <th scope="col" className={`py-2 pr-3 ${className}`} aria-sort={active ? (filters.ordre === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href} className="text-gris-texte">
        {label}
        <span aria-hidden="true">{active ? (filters.ordre === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">{active ? ` (trié ${filters.ordre === "asc" ? "croissant" : "décroissant"} ; trier ${next === "asc" ? "croissant" : "décroissant"})` : " (trier)"}</span>
      </Link>
    </th>
  );
}

/** The queue's rows; the column headers sort (links, so the keyboard and the back button work). */
export function QueueTable({ queue, filters, action }: { queue: InstructionQueue; filters: QueueFilters; action: string }) {
  const { rows, total, page, pageCount } = queue;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">
          {total} dossier{total > 1 ? "s" : ""} transmis{pageCount > 1 ? ` — page ${page} sur ${pageCount}` : ""} — tri : {QUEUE_SORT_LABELS[filters.tri].toLowerCase()} (
          {filters.ordre === "asc" ? "croissant" : "décroissant"})
        </caption>
        <thead>
          <tr className="border-b-2 border-gris-texte">
            <SortHeader sort="numero" label="N° de dossier" filters={filters} action={action} />
            <SortHeader sort="etablissement" label="Établissement" filters={filters} action={action} />
            <th scope="col" className="py-2 pr-3">
              Guichet
            </th>
            <th scope="col" className="py-2 pr-3">
              Statut
            </th>
            <SortHeader sort="depot" label="Transmis le" filters={filters} action={action} />
            <SortHeader sort="delai" label="Jours restants" filters={filters} action={action} className="text-right" />
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="py-4">
                Aucun dossier transmis ne correspond à ces critères.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-gris-bordure align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/ars/dossiers/${row.id}`} className="font-mono font-semibold">
                  {row.number}
                </Link>
              </th>
              <td className="py-2 pr-3">
                <span className="block font-semibold">{row.carrier.name}</span>
                <span className="block text-xs">FINESS EJ {row.carrier.finess}</span>
                {row.ght && <span className="block text-xs">{row.ght.name}</span>}
                {row.parts.length > 1 && (
                  <span className="block text-xs" title={row.parts.map((part) => `${part.name} (${part.finess})`).join(", ")}>
                    {row.parts.length} EJ dans le dossier
                  </span>
                )}
              </td>
              <td className="py-2 pr-3">{row.guichet.label}</td>
              <td className="py-2 pr-3">
                <DossierStatusBadge status={row.status} />
                {row.changesRequestedAt && <span className="mt-1 block text-xs">depuis le {formatParisDay(row.changesRequestedAt)}</span>}
              </td>
              <td className="py-2 pr-3">{row.submittedAt ? formatParisDay(row.submittedAt) : "—"}</td>
              <td className="py-2 text-right" title={daysLeftSentence(row.daysLeft, row.instructionEndsOn)}>
                <span aria-hidden="true" className={row.daysLeft !== null && row.daysLeft <= 7 ? "font-bold text-avertissement" : undefined}>
                  {daysLeftLabel(row.daysLeft)}
                </span>
                <span className="sr-only">{daysLeftSentence(row.daysLeft, row.instructionEndsOn)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next page links (kept outside the table so they are reached after it). */
export function QueuePagination({ queue, filters, action }: { queue: InstructionQueue; filters: QueueFilters; action: string }) {
  if (queue.pageCount <= 1) return null;
  const href = (page: number) => `${action}?${queueSearchParams(filters, { page }).toString()}`;
  return (
    <nav aria-label="Pages de la file" className="flex items-center gap-4">
      {queue.page > 1 ? <Link href={href(queue.page - 1)}>← Page précédente</Link> : <span aria-hidden="true" />}
      <span>
        Page {queue.page} sur {queue.pageCount}
      </span>
      {queue.page < queue.pageCount && <Link href={href(queue.page + 1)}>Page suivante →</Link>}
    </nav>
  );
}
