import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-table";
import { ImportForm } from "@/components/admin-imports/import-form";
import { IMPORT_KIND_LABELS, recentImportRuns } from "@/lib/admin/import-runs";
import { requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { IMPORTERS } from "@/lib/reference/import/importers";

export const metadata: Metadata = { title: "Données de référence" };

const numberFr = new Intl.NumberFormat("fr-FR");
const RIGHT = fr.cx("fr-cell--right");

export default async function AdminImportsPage() {
  const user = await requireRole("DNS_ADMIN", "/admin/imports");
  const runs = await recentImportRuns(getDb(), user);
  return (
    <>
      <Breadcrumb segments={[{ label: "Administration DNS", linkProps: { href: "/admin" } }]} currentPageLabel="Données de référence" />
      <h1>Données de référence</h1>
      <p>
        Import du répertoire FINESS, des effectifs SAE et de l&apos;activité combinée. Chaque import est transactionnel (un fichier refusé ne modifie rien) et idempotent (réimporter un
        fichier ne crée aucun doublon). Les mêmes imports existent en ligne de commande : <code>npm run import -- &lt;type&gt; &lt;fichier&gt;</code>.
      </p>
      <ImportForm kinds={Object.entries(IMPORTERS).map(([key, importer]) => ({ key, label: importer.label }))} />
      <DataTable caption="Derniers imports">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col">Fichier</th>
            <th scope="col">Statut</th>
            <th scope="col" className={RIGHT}>
              Lignes lues
            </th>
            <th scope="col" className={RIGHT}>
              Créées
            </th>
            <th scope="col" className={RIGHT}>
              Modifiées
            </th>
            <th scope="col" className={RIGHT}>
              Inchangées
            </th>
            <th scope="col" className={RIGHT}>
              Rejetées
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{formatParisInstant(run.startedAt)}</td>
              <td>{IMPORT_KIND_LABELS[run.kind]}</td>
              <td>
                {run.fileName}
                <span className={`${fr.cx("fr-cell__desc", "fr-text--xs")} block`} title={run.sha256}>
                  SHA-256 {run.sha256.slice(0, 12)}…
                </span>
              </td>
              <td className={fr.cx("fr-cell--multiline")}>
                {run.status === "SUCCEEDED" ? (
                  <Badge as="span" small severity="success">
                    Réussi
                  </Badge>
                ) : run.status === "FAILED" ? (
                  <>
                    <Badge as="span" small severity="error">
                      Refusé
                    </Badge>
                    {run.error && <span className={`${fr.cx("fr-cell__desc")} block`}>{run.error}</span>}
                  </>
                ) : (
                  <Badge as="span" small severity="info">
                    En cours
                  </Badge>
                )}
              </td>
              <td className={RIGHT}>{numberFr.format(run.counts.read)}</td>
              <td className={RIGHT}>{numberFr.format(run.counts.created)}</td>
              <td className={RIGHT}>{numberFr.format(run.counts.updated)}</td>
              <td className={RIGHT}>{numberFr.format(run.counts.unchanged)}</td>
              <td className={RIGHT}>{numberFr.format(run.counts.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {runs.length === 0 && <p>Aucun import pour l&apos;instant.</p>}
    </>
  );
}
