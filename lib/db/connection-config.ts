import { parse } from "pg-connection-string";
import type { PoolConfig } from "pg";

/**
 * Discrete connection fields from a postgres:// URL. Prisma's shadow database
 * needs its own database name, which a connection string would hide.
 */
export function connectionConfigFromUrl(url: string): PoolConfig {
  const parsed = parse(url);
  if (!parsed.database) throw new Error("DATABASE_URL doit nommer une base de données.");
  return {
    host: parsed.host ?? "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user,
    password: parsed.password,
    database: parsed.database,
  };
}

export function databaseUrl(config: { host: string; port: number; user: string; password: string; database: string }): string {
  const auth = `${encodeURIComponent(config.user)}:${encodeURIComponent(config.password)}`;
  return `postgresql://${auth}@${config.host}:${config.port}/${encodeURIComponent(config.database)}`;
}
