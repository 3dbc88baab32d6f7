/**
 * Plain script (not a vitest bench): npx tsx bench/ars-queue.bench.ts
 *
 * Times the ARS instruction queue loader — `loadInstructionQueue`, the very
 * function /ars/dossiers calls — on 3,000 transmitted dossiers of one region
 * (each with its EJ parts, a submission snapshot, a few documents), plus 300
 * drafts of that region and 500 dossiers of another region that the queue must
 * leave out. Each case runs 20 times after 3 warm-up runs; the script prints the
 * median and the 95th percentile of the server time (ms), and the rows found,
 * so a wrong scope or filter shows in the figures too. It also times the whole
 * export pipeline (ids, batches, rows, CSV lines) of the region.
 *
 * The data goes into a fresh database (created, migrated, dropped here) on an
 * embedded PostgreSQL in a temporary directory, or on the server of DATABASE_URL.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { CurrentUser } from "../lib/auth/current-user";
import { createDatabaseClient, type Database } from "../lib/db/client";
import { connectionConfigFromUrl, databaseUrl } from "../lib/db/connection-config";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { DossierStatus } from "../lib/generated/prisma/enums";
import { buildExportRecords, csvLine } from "../lib/instruction/export-rows";
import { loadInstructionQueue, queueExportBatches, queueExportIds } from "../lib/instruction/queue";
import { parseQueueFilters } from "../lib/instruction/queue-filters";

const REGION = "84";
const OTHER_REGION = "53";
const TRANSMITTED = 3_000;
const DRAFTS = 300;
const OTHER_REGION_DOSSIERS = 500;
const RUNS = 20;
const WARM_UP = 3;
const CHUNK = 1_000;

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
}

async function inChunks<T>(items: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += CHUNK) await write(items.slice(start, start + CHUNK));
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");
const finessOf = (region: string, index: number) => `${region === REGION ? "69" : "29"}${pad(index, 7)}`;

/** A status mix like a real campaign: most transmitted, some sent back, some decided. */
function statusOf(index: number): DossierStatus {
  const bucket = index % 20;
  if (bucket < 12) return "SUBMITTED";
  if (bucket < 15) return "CHANGES_REQUESTED";
  if (bucket < 18) return "ACCEPTED";
  return "REFUSED";
}

async function seed(db: Database) {
  const started = Date.now();
  await db.region.createMany({ data: [{ code: REGION, name: "Auvergne-Rhône-Alpes" }, { code: OTHER_REGION, name: "Bretagne" }] });
  const referent = await db.user.create({ data: { email: "bench.referent@bench.guichet.fr", name: "Référent bench", passwordHash: "-", role: "ESTABLISHMENT_REFERENT" } });
  const instructor = await db.user.create({ data: { email: "bench.ars@bench.guichet.fr", name: "Instructeur bench", passwordHash: "-", role: "ARS_INSTRUCTOR", regionCode: REGION } });
  const guichetData = (code: string, kind: "CANDIDATURE" | "MILESTONE_DEPOSIT", dates: [string, string, string]) => ({
    code,
    programme: "HOSPICONNECT_HOPEN2" as const,
    kind,
    year: 2026,
    label: code,
    opensOn: new Date(`${dates[0]}T00:00:00Z`),
    closesOn: new Date(`${dates[1]}T00:00:00Z`),
    instructionEndsOn: new Date(`${dates[2]}T00:00:00Z`),
  });
  const candidature = await db.guichet.create({ data: guichetData("HOPEN2-CANDIDATURE-2026", "CANDIDATURE", ["2026-01-15", "2026-02-13", "2026-03-31"]) });
  const deposit = await db.guichet.create({ data: guichetData("HOPEN2-JALON-2026", "MILESTONE_DEPOSIT", ["2026-05-04", "2026-06-26", "2026-09-15"]) });

  // Region 84: 2,400 EJ — every 10th is the support of a GHT with the next two as members.
  const regionEj = 2_400;
  const entities: { finess: string; name: string; regionCode: string; legalStatus: "PUBLIC" | "PRIVATE_FOR_PROFIT"; category: string }[] = [];
  for (let index = 1; index <= regionEj; index += 1) {
    entities.push({ finess: finessOf(REGION, index), name: `${index % 3 === 0 ? "Clinique" : "Centre hospitalier"} Bench ${pad(index, 4)}`, regionCode: REGION, legalStatus: index % 3 === 0 ? "PRIVATE_FOR_PROFIT" : "PUBLIC", category: "1102" });
  }
  for (let index = 1; index <= OTHER_REGION_DOSSIERS; index += 1) {
    entities.push({ finess: finessOf(OTHER_REGION, index), name: `Centre hospitalier Bench ${pad(index, 4)} (Bretagne)`, regionCode: OTHER_REGION, legalStatus: "PUBLIC", category: "1102" });
  }
  await inChunks(entities, (chunk) => db.legalEntity.createMany({ data: chunk }));
  const ghts: { id: string; code: string; name: string; regionCode: string; supportFiness: string }[] = [];
  for (let index = 1; index + 2 <= regionEj; index += 10) ghts.push({ id: `ght-${index}`, code: `84${pad(index, 4)}`, name: `GHT Bench ${pad(index, 4)}`, regionCode: REGION, supportFiness: finessOf(REGION, index) });
  await db.ght.createMany({ data: ghts });
  for (const ght of ghts) {
    const support = Number(ght.supportFiness.slice(2));
    await db.legalEntity.updateMany({ where: { finess: { in: [support, support + 1, support + 2].map((n) => finessOf(REGION, n)) } }, data: { ghtId: ght.id } });
  }
  const members = new Set(ghts.flatMap((ght) => [1, 2].map((offset) => finessOf(REGION, Number(ght.supportFiness.slice(2)) + offset))));
  const carriers = entities.filter((entity) => entity.regionCode === REGION && !members.has(entity.finess)).map((entity) => entity.finess);
  const partsOf = (carrier: string) => (ghts.some((ght) => ght.supportFiness === carrier) ? [0, 1, 2].map((offset) => finessOf(REGION, Number(carrier.slice(2)) + offset)) : [carrier]);

  // 3,000 transmitted + 300 drafts in region 84 (candidature and deposit of each carrier), 500 transmitted in region 53.
  interface Planned {
    id: string;
    carrier: string;
    guichetId: string;
    kind: "CANDIDATURE" | "MILESTONE_DEPOSIT";
    status: DossierStatus;
    number: string;
    submittedAt: Date | null;
    regionCode: string;
  }
  const planned: Planned[] = [];
  let sequence = 0;
  const plan = (carrier: string, guichet: typeof candidature, status: DossierStatus, regionCode: string) => {
    sequence += 1;
    const kind = guichet.kind as "CANDIDATURE" | "MILESTONE_DEPOSIT";
    const base = kind === "CANDIDATURE" ? Date.parse("2026-01-20T08:00:00Z") : Date.parse("2026-05-10T08:00:00Z");
    planned.push({
      id: `bench-dossier-${sequence}`,
      carrier,
      guichetId: guichet.id,
      kind,
      status,
      number: `HC-${kind === "CANDIDATURE" ? "C" : "J"}2026-${pad(sequence, 6)}`,
      submittedAt: status === "DRAFT" ? null : new Date(base + (sequence % 24) * 86_400_000 + (sequence % 600) * 60_000),
      regionCode,
    });
  };
  for (const carrier of carriers) {
    if (planned.length >= TRANSMITTED) break;
    plan(carrier, candidature, statusOf(planned.length), REGION);
    if (planned.length < TRANSMITTED) plan(carrier, deposit, statusOf(planned.length), REGION);
  }
  if (planned.length < TRANSMITTED) throw new Error(`only ${planned.length} dossiers planned`);
  const withoutDeposit = carriers.filter((carrier) => !planned.some((dossier) => dossier.carrier === carrier && dossier.guichetId === deposit.id));
  for (const carrier of withoutDeposit.slice(0, DRAFTS)) plan(carrier, deposit, "DRAFT", REGION);
  for (let index = 1; index <= OTHER_REGION_DOSSIERS; index += 1) plan(finessOf(OTHER_REGION, index), candidature, statusOf(index), OTHER_REGION);

  await inChunks(planned, (chunk) =>
    db.dossier.createMany({
      data: chunk.map((dossier) => ({
        id: dossier.id,
        number: dossier.number,
        guichetId: dossier.guichetId,
        carrierFiness: dossier.carrier,
        status: dossier.status,
        version: dossier.status === "DRAFT" ? 1 : 3,
        data: {},
        completedById: referent.id,
        submittedAt: dossier.submittedAt,
        decidedAt: dossier.status === "ACCEPTED" || dossier.status === "REFUSED" ? new Date("2026-06-30T10:00:00Z") : null,
      })),
    }),
  );
  const parts = planned.flatMap((dossier) =>
    (dossier.regionCode === REGION ? partsOf(dossier.carrier) : [dossier.carrier]).map((finess) => ({
      dossierId: dossier.id,
      guichetId: dossier.guichetId,
      legalEntityFiness: finess,
      expensesInternalHrCents: dossier.kind === "MILESTONE_DEPOSIT" ? BigInt(1_000_000) : null,
      expensesExternalCents: dossier.kind === "MILESTONE_DEPOSIT" ? BigInt(1_500_000) : null,
      expensesPublisherCents: dossier.kind === "MILESTONE_DEPOSIT" ? BigInt(500_000) : null,
      requestedCents: dossier.kind === "MILESTONE_DEPOSIT" ? BigInt(2_000_000) : null,
    })),
  );
  await inChunks(parts, (chunk) => db.dossierLegalEntity.createMany({ data: chunk }));

  // Two documents per transmitted deposit (note de cadrage, attestation), linked to every EJ of the dossier.
  const deposits = planned.filter((dossier) => dossier.kind === "MILESTONE_DEPOSIT" && dossier.status !== "DRAFT");
  const files = deposits.flatMap((dossier) =>
    ["note-de-cadrage.pdf", "attestation-daf.pdf"].map((name, index) => ({
      id: `${dossier.id}-file-${index}`,
      storageKey: `bench/${dossier.id}/${index}`,
      originalName: name,
      sizeBytes: BigInt(250_000),
      sha256: `${dossier.id}-${index}`.padEnd(64, "0").slice(0, 64),
      mediaType: "application/pdf",
      uploadedById: referent.id,
    })),
  );
  await inChunks(files, (chunk) => db.storedFile.createMany({ data: chunk }));
  const documents = deposits.flatMap((dossier) =>
    (["NOTE_DE_CADRAGE", "EXPENSE_ATTESTATION"] as const).map((kind, index) => ({ id: `${dossier.id}-doc-${index}`, dossierId: dossier.id, kind, fileId: `${dossier.id}-file-${index}` })),
  );
  await inChunks(documents, (chunk) => db.dossierDocument.createMany({ data: chunk }));
  const links = deposits.flatMap((dossier) => [0, 1].flatMap((index) => partsOf(dossier.carrier).map((finess) => ({ documentId: `${dossier.id}-doc-${index}`, dossierId: dossier.id, legalEntityFiness: finess }))));
  await inChunks(links, (chunk) => db.dossierDocumentLegalEntity.createMany({ data: chunk }));

  // One submission snapshot per transmitted dossier (what the export reads), one open request per sent-back one.
  const transmitted = planned.filter((dossier) => dossier.status !== "DRAFT");
  await inChunks(transmitted, (chunk) =>
    db.dossierSubmission.createMany({
      data: chunk.map((dossier) => ({
        dossierId: dossier.id,
        sequence: 1,
        submittedAt: dossier.submittedAt ?? new Date(),
        submittedById: referent.id,
        snapshot: {
          dossierNumber: dossier.number,
          guichet: { code: dossier.kind === "CANDIDATURE" ? candidature.code : deposit.code, label: "Bench", year: 2026, kind: dossier.kind },
          carrier: { finess: dossier.carrier, name: "Bench", regionCode: dossier.regionCode, regionName: "Bench" },
          sequence: 1,
          submittedAt: (dossier.submittedAt ?? new Date()).toISOString(),
          submittedBy: { id: referent.id, name: referent.name, email: referent.email },
          fromVersion: 2,
          data: {},
          parts: (dossier.regionCode === REGION ? partsOf(dossier.carrier) : [dossier.carrier]).map((finess) => ({
            legalEntityFiness: finess,
            name: `EJ ${finess}`,
            headcount: 800,
            nru: null,
            expenses: dossier.kind === "MILESTONE_DEPOSIT" ? { rh_internes: 1_000_000, prestations_externes: 1_500_000, depenses_editeurs: 500_000 } : {},
            mandatoryObjectiveMet: null,
            objectivesReached: [],
            requested: dossier.kind === "MILESTONE_DEPOSIT" ? 2_000_000 : null,
          })),
          documents: [],
        },
      })),
    }),
  );
  await inChunks(
    transmitted.filter((dossier) => dossier.status === "CHANGES_REQUESTED"),
    (chunk) => db.changeRequest.createMany({ data: chunk.map((dossier) => ({ dossierId: dossier.id, message: "Complément", createdById: instructor.id, createdAt: new Date("2026-06-15T09:00:00Z") })) }),
  );
  await db.$executeRawUnsafe("ANALYZE");
  const counts = {
    transmittedInRegion: planned.filter((dossier) => dossier.regionCode === REGION && dossier.status !== "DRAFT").length,
    drafts: planned.filter((dossier) => dossier.status === "DRAFT").length,
    otherRegion: planned.filter((dossier) => dossier.regionCode === OTHER_REGION).length,
    parts: parts.length,
    documents: documents.length,
  };
  console.log(
    `• Données : ${counts.transmittedInRegion} dossiers transmis en région ${REGION} (+${counts.drafts} brouillons, +${counts.otherRegion} en région ${OTHER_REGION}), ${counts.parts} parts d'EJ, ${counts.documents} documents — ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const memberOfGht = [...members][0] ?? "";
  return { instructor, deposit, memberOfGht, ghtCode: ghts[3]?.code ?? "" };
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

async function time<T>(label: string, runs: number, task: () => Promise<T>, describe: (result: T) => string) {
  for (let index = 0; index < WARM_UP; index += 1) await task();
  const samples: number[] = [];
  let last: T | undefined;
  for (let index = 0; index < runs; index += 1) {
    const started = process.hrtime.bigint();
    last = await task();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(52)} médiane ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms   (${runs} passes) — ${describe(last as T)}`,
  );
}

async function main() {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-bench-queue-"));
  fs.chmodSync(tempDir, 0o755); // PostgreSQL runs as the "postgres" user when we are root
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.DATABASE_URL;
  const name = `guichet_bench_queue_${process.pid}`;
  try {
    if (!adminUrl) {
      console.log("• Démarrage de PostgreSQL embarqué (répertoire temporaire)…");
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), port: 0, persistent: false, database: "postgres" });
      adminUrl = embedded.url;
    }
    const config = connectionConfigFromUrl(adminUrl);
    const admin = new pg.Client(config);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = databaseUrl({ host: String(config.host), port: Number(config.port), user: String(config.user), password: String(config.password ?? ""), database: name });
    console.log("• Migrations…");
    await migrate(url);
    const db = createDatabaseClient(url);
    try {
      const { instructor, deposit, memberOfGht, ghtCode } = await seed(db);
      const user: CurrentUser = { id: instructor.id, email: instructor.email, name: instructor.name, role: "ARS_INSTRUCTOR", regionCode: REGION, linkedLegalEntities: [] };
      const at = new Date("2026-07-01T10:00:00Z");
      const queue = (params: Record<string, string>) => () => loadInstructionQueue(db, user, parseQueueFilters(params), at);
      const summary = (result: Awaited<ReturnType<ReturnType<typeof queue>>>) => `${result.rows.length} lignes / ${result.total} dossiers`;
      console.log(`\nloadInstructionQueue (page de 50 lignes + comptes par statut), région ${REGION} :`);
      await time("sans filtre (tri par délai)", RUNS, queue({}), summary);
      await time("statut = transmis", RUNS, queue({ statut: "SUBMITTED" }), summary);
      await time("guichet = jalon 2026", RUNS, queue({ guichet: deposit.code }), summary);
      await time("recherche « bench 12 » (nom, FINESS, n°)", RUNS, queue({ q: "bench 12" }), summary);
      await time("recherche par FINESS « 6900012 »", RUNS, queue({ q: "6900012" }), summary);
      await time("EJ membre d'un GHT", RUNS, queue({ ej: memberOfGht }), summary);
      await time("GHT", RUNS, queue({ ght: ghtCode }), summary);
      await time("tri par établissement décroissant, page 20", RUNS, queue({ tri: "etablissement", ordre: "desc", page: "20" }), summary);
      await time("combiné : jalon 2026 + transmis + « centre »", RUNS, queue({ guichet: deposit.code, statut: "SUBMITTED", q: "centre" }), summary);

      // How many SQL statements one page costs (a fixed number, whatever the page size: no N+1).
      const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
      let statements = 0;
      logged.$on("query", () => (statements += 1));
      for (const pageSize of [10, 50, 200]) {
        statements = 0;
        await loadInstructionQueue(logged, user, parseQueueFilters({}), at, pageSize);
        console.log(`  requêtes SQL pour une page de ${String(pageSize).padStart(3)} lignes : ${statements}`);
      }
      await logged.$disconnect();

      console.log("\nExport de toute la file (ids, lots de 500, lignes, CSV en mémoire) :");
      await time(
        "export CSV sans filtre",
        5,
        async () => {
          const ids = await queueExportIds(db, user, parseQueueFilters({}));
          let lines = 0;
          let bytes = 0;
          for await (const batch of queueExportBatches(db, user, ids)) {
            for (const record of buildExportRecords(batch)) {
              lines += 1;
              bytes += csvLine(record).length;
            }
          }
          return { dossiers: ids.length, lines, bytes };
        },
        (result) => `${result.dossiers} dossiers, ${result.lines} lignes, ${(result.bytes / 1024).toFixed(0)} Kio`,
      );
    } finally {
      await db.$disconnect();
    }
  } finally {
    if (adminUrl) {
      const cleanup = new pg.Client(connectionConfigFromUrl(adminUrl));
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await cleanup.end();
    }
    await embedded?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

await main();
