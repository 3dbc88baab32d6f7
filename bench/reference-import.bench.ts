/**
 * Plain script: npx tsx bench/reference-import.bench.ts
 * Imports the full FINESS flat file (95,333 EG) then SAE 2023 SYGEN into a fresh embedded PostgreSQL
 * (migrated with `prisma migrate deploy`), twice each (second run: all unchanged), and prints rows/s,
 * wall time and peak RSS. Data: $GUICHET_SHARED_DATA, else ../shared/data; skipped when absent.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { importFinessFlatCsv, importSaeSygen, type ImportReport } from "../lib/reference/import";

const dataDir = path.resolve(process.env.GUICHET_SHARED_DATA ?? "../shared/data");
const finessFile = path.join(dataDir, "finess/finess_eg_20210108_flat.csv.gz");
const sygenFile = path.join(dataDir, "sae/2023/SYGEN_2023r.csv.gz");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);

async function main(): Promise<void> {
  if (!fs.existsSync(finessFile) || !fs.existsSync(sygenFile)) {
    console.log(`Données de référence absentes (${dataDir}) : banc ignoré. Définissez GUICHET_SHARED_DATA.`);
    return;
  }
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-bench-import-"));
  fs.chmodSync(tempDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), port: 0, persistent: false, database: "postgres" });
  try {
    const migrated = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: pg.url }, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(`prisma migrate deploy: ${migrated.stderr}${migrated.stdout}`);
    const db = createDatabaseClient(pg.url);
    const run = async (label: string, task: () => Promise<ImportReport>) => {
      const started = performance.now();
      const report = await task();
      const seconds = (performance.now() - started) / 1000;
      if (report.error) throw new Error(report.error);
      const c = report.counts;
      console.log(
        `${label.padEnd(28)} ${seconds.toFixed(2).padStart(6)} s  ${Math.round(c.read / seconds).toLocaleString("fr-FR").padStart(8)} lignes/s  ` +
          `lues ${c.read}, créées ${c.created}, modifiées ${c.updated}, inchangées ${c.unchanged}, rejetées ${c.rejected}`,
      );
    };
    await run("FINESS à plat (1re fois)", () => importFinessFlatCsv(db, fs.createReadStream(finessFile), { fileName: path.basename(finessFile) }));
    await run("FINESS à plat (2e fois)", () => importFinessFlatCsv(db, fs.createReadStream(finessFile), { fileName: path.basename(finessFile) }));
    await run("SAE SYGEN 2023 (1re fois)", () => importSaeSygen(db, fs.createReadStream(sygenFile), { fileName: path.basename(sygenFile) }));
    await run("SAE SYGEN 2023 (2e fois)", () => importSaeSygen(db, fs.createReadStream(sygenFile), { fileName: path.basename(sygenFile) }));
    await db.$disconnect();
    console.log(`RSS maximal du processus Node : ${(peakRss / 1024 / 1024).toFixed(0)} Mo`);
  } finally {
    await pg.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(sampler));
