import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = PrismaClient;

/** A client on the driver adapter: Prisma's JS query compiler, no native engine. */
export function createDatabaseClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
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
