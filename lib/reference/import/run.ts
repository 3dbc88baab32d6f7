import { now } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { Prisma, type ImportKind, type ImportStatus } from "@/lib/generated/prisma/client";
import { parseCsvLine } from "./csv";
import { truncatedMessage } from "./detect";
import { ImportFileError } from "./errors";
import { LineSource, type SourceLine } from "./lines";
import { logError } from "@/lib/log/logger";

export type Transaction = Prisma.TransactionClient;

export interface ImportMeta {
  /** Name of the file as given by the user (kept in ImportRun). */
  readonly fileName: string;
  /** User who started the import (null for the command line). */
  readonly startedById?: string | null;
  /** Id of the ImportRun, chosen by the caller so that a page can follow the progress (a UUID); generated when absent. */
  readonly runId?: string;
}

/**
 * What a RUNNING ImportRun holds in `counts` while the import goes on (written about once a
 * second, outside the import's transaction): the input bytes consumed, the counts so far,
 * and the stage — "writing" once the whole file is read and the last rows are being saved.
 * The final counts replace it.
 */
export interface ImportProgress {
  stage: "reading" | "writing";
  bytes: number;
  read: number;
  rejected: number;
}

const PROGRESS_INTERVAL_MS = 1_000;

/** `read` data lines; `created`/`updated`/`unchanged` rows of the main table; extra keys per kind. */
export interface ImportCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  [detail: string]: number;
}

export interface RejectedLine {
  readonly line: number;
  readonly reason: string;
}

export interface ImportReport {
  readonly runId: string;
  readonly kind: ImportKind;
  readonly status: ImportStatus;
  readonly fileName: string;
  readonly sha256: string;
  readonly encoding: string;
  readonly counts: ImportCounts;
  /** The first {@link MAX_STORED_REJECTS} rejected lines. */
  readonly rejects: readonly RejectedLine[];
  /** The first {@link MAX_STORED_REJECTS} lines kept with a remark the DNS must read. */
  readonly notices: readonly RejectedLine[];
  /** French message when the import failed (nothing was written). */
  readonly error?: string;
}

export const MAX_STORED_REJECTS = 100;
export const BATCH_SIZE = 1_000;
/** The whole import runs in one interactive transaction: a failure anywhere rolls everything back. */
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

export class ImportContext {
  /** The ImportRun this import writes, and who started it (null for the command line): rows may record them. */
  constructor(
    readonly runId: string,
    readonly startedById: string | null,
  ) {}

  readonly counts: ImportCounts = { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  readonly rejects: RejectedLine[] = [];
  readonly notices: RejectedLine[] = [];

  reject(line: number, reason: string): void {
    this.counts.rejected += 1;
    if (this.rejects.length < MAX_STORED_REJECTS) this.rejects.push({ line, reason });
  }

  /** A line imported all the same, whose remark the report lists (counted under `key`). */
  notice(key: string, line: number, reason: string): void {
    this.add(key, 1);
    if (this.notices.length < MAX_STORED_REJECTS) this.notices.push({ line, reason });
  }

  add(key: string, amount: number): void {
    this.counts[key] = (this.counts[key] ?? 0) + amount;
  }

  /**
   * One data line of a file of `width` columns: counted as read; a malformed line or one of
   * another width is rejected (null); a short last line means the file was truncated (fatal).
   */
  dataFields(line: SourceLine, width: number): string[] | null {
    this.counts.read += 1;
    const parsed = parseCsvLine(line.text);
    if (!parsed.ok) {
      this.reject(line.number, parsed.reason);
      return null;
    }
    const fields = parsed.fields;
    if (fields.length !== width) {
      if (line.isLast && fields.length < width) throw new ImportFileError(truncatedMessage(line.number, fields.length, width));
      this.reject(line.number, `${fields.length} champs au lieu de ${width}`);
      return null;
    }
    return fields;
  }
}

export type ImportBody = (tx: Transaction, source: LineSource, context: ImportContext) => Promise<void>;

/**
 * Records an ImportRun (RUNNING), runs `body` in ONE interactive transaction, then records the
 * outcome: SUCCEEDED with counts and rejects, or FAILED with the French error — in which case the
 * transaction was rolled back and the reference tables are exactly as before.
 */
export async function runImport(db: Database, kind: ImportKind, input: AsyncIterable<Uint8Array | string>, meta: ImportMeta, body: ImportBody): Promise<ImportReport> {
  const run = await db.importRun.create({ data: { ...(meta.runId ? { id: meta.runId } : {}), kind, fileName: meta.fileName, sha256: "0".repeat(64), startedAt: now(), startedById: meta.startedById ?? null } });
  const context = new ImportContext(run.id, meta.startedById ?? null);
  const progress = new ProgressWriter(db, run.id, context);
  const source = new LineSource(progress.track(input));
  let error: string | undefined;
  try {
    await db.$transaction((tx) => body(tx, source, context), { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 });
  } catch (caught) {
    if (caught instanceof ImportFileError) error = caught.userMessage;
    else {
      // An internal failure is for the logs, never shown to the user (DESIGN.md).
      logError("reference-import", caught, { importRunId: run.id, kind });
      error = `Erreur inattendue pendant l'import (référence ${run.id}) : rien n'a été importé. Réessayez ; si l'erreur persiste, transmettez cette référence à l'équipe technique.`;
    }
  }
  const sha256 = await source.sha256();
  await progress.settled();
  const status: ImportStatus = error ? "FAILED" : "SUCCEEDED";
  await db.importRun.update({
    where: { id: run.id },
    data: { sha256, status, finishedAt: now(), counts: context.counts, rejects: context.rejects as unknown as Prisma.InputJsonValue, notices: context.notices as unknown as Prisma.InputJsonValue, error: error ?? null },
  });
  return { runId: run.id, kind, status, fileName: meta.fileName, sha256, encoding: source.encoding, counts: context.counts, rejects: context.rejects, notices: context.notices, error };
}

/** Writes the {@link ImportProgress} of a RUNNING import at most once a second, in order, never failing the import. */
class ProgressWriter {
  private bytes = 0;
  private lastWrite = 0;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database, private readonly runId: string, private readonly context: ImportContext) {}

  /** The input, counting the bytes the importer consumes (so the progress follows the parsing, not the upload). */
  async *track(input: AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array | string> {
    for await (const chunk of input) {
      this.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (Date.now() - this.lastWrite >= PROGRESS_INTERVAL_MS) this.write("reading");
      yield chunk;
    }
    this.write("writing");
  }

  private write(stage: ImportProgress["stage"]): void {
    this.lastWrite = Date.now();
    const progress: ImportProgress = { stage, bytes: this.bytes, read: this.context.counts.read, rejected: this.context.counts.rejected };
    this.pending = this.pending.then(() => this.db.importRun.update({ where: { id: this.runId, status: "RUNNING" }, data: { counts: { ...progress } } })).catch(() => undefined);
  }

  settled(): Promise<unknown> {
    return this.pending;
  }
}

/** Counts rows returned by an `INSERT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT FROM … RETURNING (xmax = 0) AS inserted`. */
export function tallyUpsert(context: ImportContext, batchSize: number, returned: readonly { inserted: boolean }[], prefix = ""): void {
  const created = returned.filter((row) => row.inserted).length;
  const key = (name: string) => (prefix ? `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}` : name);
  context.add(key("created"), created);
  context.add(key("updated"), returned.length - created);
  context.add(key("unchanged"), batchSize - returned.length);
}
