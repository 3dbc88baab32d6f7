/**
 * npm run import -- <type> <fichier> [--par <id utilisateur>]
 * Types : finess-csv, finess-structureet, sae-sygen, sae-activite, activite-csv (voir lib/reference/import/importers.ts).
 * Fichier brut ou gzip, UTF-8 ou ISO-8859-1.
 * Base : DATABASE_URL, sinon la base embarquée de la démo (.data/postgres, déjà migrée par `npm run demo`).
 */
import fs from "node:fs";
import path from "node:path";
import { BATCH_TIMEOUTS, createDatabaseClient } from "../lib/db/client";
import type { ImportReport } from "../lib/reference/import";
import { IMPORTERS, isImportKindName } from "../lib/reference/import/importers";
import { reportDetails } from "../lib/reference/import/report-details";
import { withDatabase } from "./database-runtime";

function printReport(report: ImportReport, seconds: number): void {
  const c = report.counts;
  console.log(`\nImport ${report.kind} — ${report.fileName}`);
  console.log(`  SHA-256 : ${report.sha256} (encodage ${report.encoding})`);
  console.log(`  Statut  : ${report.status === "SUCCEEDED" ? "réussi" : "ÉCHEC"} en ${seconds.toFixed(1)} s (import n° ${report.runId})`);
  console.log(`  Lignes lues : ${c.read} — créées : ${c.created}, modifiées : ${c.updated}, inchangées : ${c.unchanged}, rejetées : ${c.rejected}`);
  for (const detail of reportDetails(c)) console.log(`  ${detail.label} : ${detail.value}`);
  if (report.rejects.length) {
    console.log(`  Premières lignes rejetées${c.rejected > report.rejects.length ? ` (${report.rejects.length} sur ${c.rejected})` : ""} :`);
    for (const reject of report.rejects.slice(0, 20)) console.log(`    ligne ${reject.line} : ${reject.reason}`);
    if (report.rejects.length > 20) console.log(`    … (voir ImportRun ${report.runId})`);
  }
  if (report.error) console.error(`\n✗ ${report.error}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const byIndex = args.indexOf("--par");
  const startedById = byIndex >= 0 ? (args[byIndex + 1] ?? null) : null;
  const [kind, file] = byIndex >= 0 ? args.filter((_, i) => i !== byIndex && i !== byIndex + 1) : args;
  if (!isImportKindName(kind) || !file) {
    console.error(`Usage : npm run import -- <${Object.keys(IMPORTERS).join("|")}> <fichier> [--par <id utilisateur>]`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`✗ Fichier introuvable : ${file}`);
    return 2;
  }
  return withDatabase(async (url) => {
    const db = createDatabaseClient(url, BATCH_TIMEOUTS);
    try {
      const started = performance.now();
      const report = await IMPORTERS[kind].run(db, fs.createReadStream(file), { fileName: path.basename(file), startedById });
      printReport(report, (performance.now() - started) / 1000);
      return report.status === "SUCCEEDED" ? 0 : 1;
    } finally {
      await db.$disconnect();
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ Erreur inattendue : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
