import type { Metadata } from "next";
import { ImportForm } from "@/components/admin-imports/import-form";
import { requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { IMPORTERS } from "@/lib/reference/import/importers";

export const metadata: Metadata = { title: "Données de référence" };

const numberFr = new Intl.NumberFormat("fr-FR");

export default async function AdminImportsPage() {
  await requireRole("DNS_ADMIN", "/admin/imports");
  const runs = await getDb().importRun.findMany({ orderBy: { startedAt: "desc" }, take: 30 });
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Données de référence</h1>
      <p>
        Import du répertoire FINESS, des effectifs SAE et de l&apos;activité combinée. Chaque import est transactionnel (un fichier refusé ne modifie rien) et
        idempotent (réimporter un fichier ne crée aucun doublon). Les mêmes imports existent en ligne de commande : <code>npm run import -- &lt;type&gt; &lt;fichier&gt;</code>.
      </p>
      <ImportForm kinds={Object.entries(IMPORTERS).map(([key, importer]) => ({ key, label: importer.label }))} />
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-lg font-bold">Derniers imports</caption>
        <thead>
          <tr className="border-b-2 border-gris-texte">
            <th scope="col" className="py-2 pr-3">Date</th>
            <th scope="col" className="py-2 pr-3">Type</th>
            <th scope="col" className="py-2 pr-3">Fichier</th>
            <th scope="col" className="py-2 pr-3">Statut</th>
            <th scope="col" className="py-2">Lignes (créées / modifiées / inchangées / rejetées)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const counts = run.counts as { read?: number; created?: number; updated?: number; unchanged?: number; rejected?: number };
            return (
              <tr key={run.id} className="border-b border-gris-bordure">
                <td className="py-2 pr-3">{formatParisInstant(run.startedAt)}</td>
                <td className="py-2 pr-3">{run.kind}</td>
                <td className="py-2 pr-3">
                  {run.fileName}
                  <span className="block font-mono text-xs" title={run.sha256}>
                    SHA-256 {run.sha256.slice(0, 12)}…
                  </span>
                </td>
                <td className="py-2 pr-3">{run.status === "SUCCEEDED" ? "Réussi" : run.status === "FAILED" ? `Refusé : ${run.error ?? ""}` : "En cours"}</td>
                <td className="py-2">
                  {numberFr.format(counts.read ?? 0)} ({numberFr.format(counts.created ?? 0)} / {numberFr.format(counts.updated ?? 0)} / {numberFr.format(counts.unchanged ?? 0)} /{" "}
                  {numberFr.format(counts.rejected ?? 0)})
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
