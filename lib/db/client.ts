import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { asDatabaseUnavailable } from "@/lib/health/database-unavailable";

export type Database = PrismaClient;

/**
 * How long the portal waits for PostgreSQL (issue 14 §5). A paused or unreachable server must
 * make a page fail in seconds, not hang: pg waits forever by default. A stopped server still
 * accepts TCP connections (the kernel does), so only the client's own timers notice it.
 */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one of the pool. */
  connectionTimeoutMs: number;
  /** PostgreSQL cancels a statement running longer (sent at connection, `statement_timeout`). */
  statementTimeoutMs: number;
  /** The client gives up on an answer that never comes (a frozen server); a little above the
   * statement timeout, so that a slow query is cancelled by the server and its connection kept. */
  queryTimeoutMs: number;
}

/** For pages and actions: their queries take milliseconds (DESIGN.md's performance rules). */
export const PAGE_TIMEOUTS: DatabaseTimeouts = { connectionTimeoutMs: 3_000, statementTimeoutMs: 8_000, queryTimeoutMs: 10_000 };

/** For command-line jobs (imports, seeds): big batches, nobody waiting on a page. */
export const BATCH_TIMEOUTS: DatabaseTimeouts = { connectionTimeoutMs: 10_000, statementTimeoutMs: 0, queryTimeoutMs: 0 };

export function poolConfig(connectionString: string, timeouts: DatabaseTimeouts): PoolConfig {
  return {
    connectionString,
    connectionTimeoutMillis: timeouts.connectionTimeoutMs,
    // 0 means no limit for both (pg leaves them unset).
    ...(timeouts.statementTimeoutMs > 0 ? { statement_timeout: timeouts.statementTimeoutMs } : {}),
    ...(timeouts.queryTimeoutMs > 0 ? { query_timeout: timeouts.queryTimeoutMs } : {}),
    // A connection that failed is dropped by the pool (pg-pool removes a client released with an
    // error) and the next query opens a new one: the portal recovers by itself when PostgreSQL is back.
    keepAlive: true,
  };
}

/** A client on the driver adapter: Prisma's JS query compiler, no native engine. */
export function createDatabaseClient(connectionString: string, timeouts: DatabaseTimeouts = PAGE_TIMEOUTS, max?: number): PrismaClient {
  return withUnavailableErrors(new PrismaClient({ adapter: new PrismaPg({ ...poolConfig(connectionString, timeouts), ...(max ? { max } : {}) }) }));
}

/**
 * Every query's "database does not answer" error becomes a DatabaseUnavailableError, which the
 * error pages recognise by its digest (lib/db/database-unavailable.ts); other errors (a unique
 * constraint, a conflict) are untouched. Queries go through Prisma's query extension (those of a
 * transaction too); a transaction that cannot even start fails outside it, hence the wrapper of
 * $transaction. The client keeps its methods; only the extension's static type is hidden.
 */
function withUnavailableErrors(client: PrismaClient): PrismaClient {
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw asDatabaseUnavailable(error);
        }
      },
    },
  }) as unknown as PrismaClient;
  return new Proxy(extended, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "$transaction" || typeof value !== "function") return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
          throw asDatabaseUnavailable(error);
        });
    },
  });
}

const globalForPrisma = globalThis as unknown as { guichetPrisma?: PrismaClient };

/** The process-wide client (one pool, reused across hot reloads in development). */
export function getDb(): PrismaClient {
  if (!globalForPrisma.guichetPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL n'est pas défini : démarrez le portail avec `npm run demo`.");
    globalForPrisma.guichetPrisma = createDatabaseClient(url);
  }
  return globalForPrisma.guichetPrisma;
}

const globalForBatch = globalThis as unknown as { guichetBatchPrisma?: PrismaClient };

/**
 * A second process-wide client for the reference-data imports started from the admin pages: one
 * long transaction of large statements (a FINESS file), which the page timeouts would cut. Its
 * own small pool, so an import never takes the connections the pages need.
 */
export function getBatchDb(): PrismaClient {
  if (!globalForBatch.guichetBatchPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL n'est pas défini : démarrez le portail avec `npm run demo`.");
    globalForBatch.guichetBatchPrisma = createDatabaseClient(url, BATCH_TIMEOUTS, 2);
  }
  return globalForBatch.guichetBatchPrisma;
}
