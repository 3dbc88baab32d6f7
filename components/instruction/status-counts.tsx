import Link from "next/link";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import { QUEUE_STATUSES, queueSearchParams, type QueueFilters, type QueueStatus } from "@/lib/instruction/queue-filters";

/** The counts by status of the filtered queue; each one links to the queue narrowed to that status. */
export function StatusCounts({ filters, counts, action }: { filters: QueueFilters; counts: Record<QueueStatus, number>; action: string }) {
  const all = QUEUE_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const link = (statut: QueueStatus | undefined) => {
    const query = queueSearchParams(filters, { statut, page: 1 }).toString();
    return query ? `${action}?${query}` : action;
  };
  const item = (key: string, label: string, count: number, current: boolean, href: string) => (
    <li key={key}>
      <Link
        href={href}
        aria-current={current ? "true" : undefined}
        className={`block border px-3 py-2 no-underline ${current ? "border-bleu-france bg-bleu-france" : "border-gris-bordure"}`}
      >
        {/* The colour is on the spans: the global `a` colour rule (globals.css) outranks utility classes on the link. */}
        <span className={`block text-sm ${current ? "text-white" : ""}`}>{label}</span>
        <span className={`block text-2xl font-bold ${current ? "text-white" : ""}`} data-testid={`compte-${key}`}>
          {count}
        </span>
      </Link>
    </li>
  );
  return (
    <nav aria-label="Dossiers par statut">
      <ul className="flex flex-wrap gap-3">
        {item("tous", "Tous les statuts", all, !filters.statut, link(undefined))}
        {QUEUE_STATUSES.map((status) => item(status, DOSSIER_STATUS_LABELS[status], counts[status], filters.statut === status, link(status)))}
      </ul>
    </nav>
  );
}
