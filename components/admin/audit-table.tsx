import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { AuditRowStatus, AuditRowView } from "@/lib/audit/read";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatParisInstant } from "@/lib/clock";
import { DataTable } from "./data-table";

const STATUS: Record<AuditRowStatus, { label: string; severity: "success" | "error" | "info" }> = {
  intact: { label: "Intègre", severity: "success" },
  "content-altered": { label: "Contenu modifié", severity: "error" },
  "link-broken": { label: "Lien rompu", severity: "error" },
  unchained: { label: "Non chaînée", severity: "error" },
  "before-chain": { label: "Antérieure au chaînage", severity: "info" },
};

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <>—</>;
  return (
    <ul className={fr.cx("fr-raw-list")}>
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** The audit rows of one subject, newest first (DSFR table, the date kept in view). */
export function AuditTable({ caption, rows }: { caption: string; rows: AuditRowView[] }) {
  return (
    <DataTable caption={caption} hideCaption>
      <thead>
        <tr>
          <th scope="col" className={fr.cx("fr-cell--fixed")}>
            Date (heure de Paris)
          </th>
          <th scope="col">Action</th>
          <th scope="col">Par</th>
          <th scope="col">Avant → après</th>
          <th scope="col">Détails</th>
          <th scope="col">Chaîne</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className={fr.cx("fr-cell--fixed", "fr-cell--multiline")}>
              {formatParisInstant(row.at)}
            </th>
            <td className={fr.cx("fr-cell--multiline")}>{row.actionLabel}</td>
            <td className={fr.cx("fr-cell--multiline")}>
              {row.actor ? (
                <>
                  {row.actor.name ?? row.actor.id}
                  {row.actor.email && <br />}
                  {row.actor.email}
                  {row.actor.role && ` — ${ROLE_LABELS[row.actor.role]}`}
                </>
              ) : (
                "Visiteur non connecté"
              )}
            </td>
            <td className={fr.cx("fr-cell--multiline")}>
              <Lines lines={row.changes} />
            </td>
            <td className={fr.cx("fr-cell--multiline")}>
              <Lines lines={row.details} />
            </td>
            <td>
              <Badge as="span" small severity={STATUS[row.status].severity}>
                {STATUS[row.status].label}
              </Badge>
              <span className={fr.cx("fr-hint-text")}>ligne {row.id}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
