import { fr } from "@codegouvfr/react-dsfr";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { dossierStatusLabel } from "@/lib/dossiers/machine";
import { queueSearchParams, type QueueFilters, type QueueStatus } from "@/lib/instruction/queue-filters";
import type { InstructionSpace } from "./instruction-space";

/**
 * The counts by status of the filtered queue, as DSFR tags; each one links to
 * the queue narrowed to that status, the current one marked (aria-current and a
 * check icon, not the colour alone).
 */
export function StatusCounts({ filters, counts, action, space }: { filters: QueueFilters; counts: Record<QueueStatus, number>; action: string; space: InstructionSpace }) {
  const all = space.statuses.reduce((sum, status) => sum + counts[status], 0);
  const link = (statut: QueueStatus | undefined) => {
    const query = queueSearchParams(filters, { statut, page: 1 }).toString();
    return query ? `${action}?${query}` : action;
  };
  const item = (key: string, label: string, count: number, current: boolean, href: string) => (
    <li key={key}>
      {current ? (
        <Tag iconId="fr-icon-check-line" linkProps={{ href, "aria-current": "true" }}>
          {label} : <span data-testid={`compte-${key}`}>{count}</span>
        </Tag>
      ) : (
        <Tag linkProps={{ href }}>
          {label} : <span data-testid={`compte-${key}`}>{count}</span>
        </Tag>
      )}
    </li>
  );
  return (
    <nav aria-label="Dossiers par statut" className={fr.cx("fr-mb-2w")}>
      <ul className={fr.cx("fr-tags-group")}>
        {item("tous", "Tous les statuts", all, !filters.statut, link(undefined))}
        {space.statuses.map((status) => item(status, dossierStatusLabel(status, space.statusKind), counts[status], filters.statut === status, link(status)))}
      </ul>
    </nav>
  );
}
