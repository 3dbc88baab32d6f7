import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { connectionConfigFromUrl } from "./lib/db/connection-config";

// Work-around 1 (prisma/prisma#27403): adapter-pg cannot read the catalog column
// types `name` (OID 19) and `"char"` (OID 18) that the schema engine queries;
// present them as `text` (OID 25). Only the migration CLI loads this file.
type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;
const originalQuery = pg.Pool.prototype.query as (...args: unknown[]) => Promise<QueryResultLike>;
(pg.Pool.prototype as unknown as { query: typeof originalQuery }).query = async function (this: pg.Pool, ...args: unknown[]) {
  const result = await originalQuery.apply(this, args);
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
  }
  return result;
};

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run through `npm run db -- <command>` to use the embedded PostgreSQL.");
    const config = connectionConfigFromUrl(url);
    const factory = new PrismaPg(config);
    // Work-around 2: upstream drops the shadow database while its pool is still
    // connected, which PostgreSQL refuses. Close the pool first, then force the drop.
    factory.connectToShadowDb = async () => {
      const admin = new pg.Client(config);
      await admin.connect();
      const database = `prisma_shadow_${Date.now()}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...config, database }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      };
      return shadow;
    };
    return factory;
  },
});
