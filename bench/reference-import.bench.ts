/**
 * Plain script: npx tsx bench/reference-import.bench.ts
 * Imports the full FINESS flat file (95,333 EG) then SAE 2023 SYGEN into a fresh embedded PostgreSQL
 * (migrated with `prisma migrate deploy`), twice each (second run: all unchanged), and prints for
 * each run the wall time, rows/s, the peak RSS of this Node process during that run, and where the
 * time went in PostgreSQL (server-side durations logged by `log_min_duration_statement = 0`, per
 * kind of statement). The FINESS file is also read once with no database at all (the importer on
 * a no-op client): the cost of decompression, decoding, CSV parsing, validation and JSON on the JS side.
 * Data: $GUICHET_SHARED_DATA, else ../shared/data; skipped when absent.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseClient, type Database } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { importFinessFlatCsv, importSaeSygen, type ImportReport } from "../lib/reference/import";

const dataDir = path.resolve(process.env.GUICHET_SHARED_DATA ?? "../shared/data");
const finessFile = path.join(dataDir, "finess/finess_eg_20210108_flat.csv.gz");
const sygenFile = path.join(dataDir, "sae/2023/SYGEN_2023r.csv.gz");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} Mo`;

/** Server-side statement durations from the PostgreSQL log, summed per kind of statement. */
class StatementLog {
  private buffer = "";
  private readonly totals = new Map<string, { ms: number; count: number }>();

  /** Log text as received (chunks may cut or glue lines): entries start with the timestamp prefix. */
  readonly onLog = (message: string) => {
    this.buffer += message;
    const entries = this.buffer.split(/(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[\d+\] )/);
    this.buffer = entries.pop() ?? "";
    for (const entry of entries) {
      const match = /duration: ([0-9.]+) ms {2}(?:(parse|bind|execute) [^:]*|statement): ([\s\S]*)$/.exec(entry);
      if (!match?.[1] || match[3] === undefined) continue;
      const kind = StatementLog.kind(match[3].trim());
      const total = this.totals.get(kind) ?? { ms: 0, count: 0 };
      total.ms += Number(match[1]);
      if (match[2] !== "parse" && match[2] !== "bind") total.count += 1;
      this.totals.set(kind, total);
    }
  };

  private static kind(statement: string): string {
    if (/INSERT INTO import_site/.test(statement)) return "EG en attente (lots)";
    if (/INSERT INTO "LegalEntity"/.test(statement)) return "upsert LegalEntity";
    if (/INSERT INTO "Site"/.test(statement)) return "upsert Site";
    if (/"SaeStaffCount"|FROM "Site" WHERE finess = ANY/.test(statement)) return "SAE";
    if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(statement)) return "BEGIN/COMMIT";
    if (/"ImportRun"/.test(statement)) return "ImportRun";
    return "autres";
  }

  /** Waits until the log has caught up with every statement sent so far, then returns and resets the totals. */
  async drain(db: Database, id: number): Promise<Map<string, { ms: number; count: number }>> {
    await db.$queryRawUnsafe(`SELECT 'bench_mark_${id}'`);
    // The marker's own entry is the last one: every statement before it is complete in the log.
    for (let waited = 0; !this.buffer.includes(`bench_mark_${id}`) && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const totals = new Map(this.totals);
    this.totals.clear();
    return totals;
  }
}

/** A client that accepts every call and writes nothing: the importer's JS side alone. */
function noDatabase(): Database {
  const anything: unknown = new Proxy(() => undefined, {
    get: (_target, property) => {
      if (property === "then") return undefined;
      if (property === "$transaction") return (body: (tx: unknown) => unknown) => body(anything);
      if (property === "$queryRaw" || property === "$queryRawUnsafe") return async () => [];
      if (property === "$executeRaw" || property === "$executeRawUnsafe") return async () => 0;
      return anything;
    },
    apply: async () => ({ id: "bench" }),
  });
  return anything as Database;
}

async function main(): Promise<void> {
  if (!fs.existsSync(finessFile) || !fs.existsSync(sygenFile)) {
    console.log(`Données de référence absentes (${dataDir}) : banc ignoré. Définissez GUICHET_SHARED_DATA.`);
    return;
  }
  const line = (label: string, seconds: number, rss: number, detail: string) =>
    console.log(`${label.padEnd(28)} ${seconds.toFixed(2).padStart(6)} s  RSS max ${mb(rss).padStart(6)}  ${detail}`);

  {
    peakRss = process.memoryUsage.rss();
    const started = performance.now();
    const report = await importFinessFlatCsv(noDatabase(), fs.createReadStream(finessFile), { fileName: path.basename(finessFile) });
    const seconds = (performance.now() - started) / 1000;
    if (report.error) throw new Error(report.error);
    line("FINESS à plat, JS seul", seconds, peakRss, `${Math.round(report.counts.read / seconds).toLocaleString("fr-FR")} lignes/s (décompression, décodage, CSV, validation, JSON ; sans base)`);
  }

  const statements = new StatementLog();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-bench-import-"));
  fs.chmodSync(tempDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), port: 0, persistent: false, database: "postgres", log: statements.onLog });
  try {
    const migrated = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: pg.url }, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(`prisma migrate deploy: ${migrated.stderr}${migrated.stdout}`);
    const db = createDatabaseClient(pg.url);
    // Every statement's server-side duration in the log, without its (large) parameters.
    await db.$executeRawUnsafe("ALTER SYSTEM SET log_min_duration_statement = 0");
    await db.$executeRawUnsafe("ALTER SYSTEM SET log_parameter_max_length = 0");
    await db.$queryRawUnsafe("SELECT pg_reload_conf()");
    let mark = 0;
    await statements.drain(db, mark++);
    const run = async (label: string, task: () => Promise<ImportReport>) => {
      peakRss = process.memoryUsage.rss();
      const started = performance.now();
      const report = await task();
      const seconds = (performance.now() - started) / 1000;
      if (report.error) throw new Error(report.error);
      const c = report.counts;
      line(
        label,
        seconds,
        peakRss,
        `${Math.round(c.read / seconds).toLocaleString("fr-FR").padStart(8)} lignes/s  lues ${c.read}, créées ${c.created}, modifiées ${c.updated}, inchangées ${c.unchanged}, rejetées ${c.rejected}`,
      );
      const totals = await statements.drain(db, mark++);
      const server = [...totals.values()].reduce((sum, t) => sum + t.ms, 0);
      const phases = [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([kind, t]) => `${kind} ${(t.ms / 1000).toFixed(2)} s (${t.count})`);
      console.log(`${"".padEnd(28)} PostgreSQL ${(server / 1000).toFixed(2)} s : ${phases.join(", ")}`);
    };
    await run("FINESS à plat (1re fois)", () => importFinessFlatCsv(db, fs.createReadStream(finessFile), { fileName: path.basename(finessFile) }));
    await run("FINESS à plat (2e fois)", () => importFinessFlatCsv(db, fs.createReadStream(finessFile), { fileName: path.basename(finessFile) }));
    await run("SAE SYGEN 2023 (1re fois)", () => importSaeSygen(db, fs.createReadStream(sygenFile), { fileName: path.basename(sygenFile) }));
    await run("SAE SYGEN 2023 (2e fois)", () => importSaeSygen(db, fs.createReadStream(sygenFile), { fileName: path.basename(sygenFile) }));
    await db.$disconnect();
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
