/**
 * The one-way layering of DESIGN.md (« Layout », issue 10 §1): components/ and app/ never
 * touch the database (app/ takes only the handle), lib/ never imports app/, components/ or
 * prisma/. The project's own eslint.config.mjs is run on snippets placed at virtual paths.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const LAYERING_RULES = new Set(["no-restricted-imports", "no-restricted-syntax"]);

let eslint: ESLint;

beforeAll(async () => {
  // Only the layering rules: a snippet's unused variable is not what is tested here.
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => LAYERING_RULES.has(ruleId) });
  // The first lint loads the config and Next's plugins (seconds on a busy machine): not in a test's time.
  await eslint.lintText("export {};", { filePath: path.join(ROOT, "lib/warm-up.ts") });
}, 120_000);

async function layeringErrors(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${filePath} did not parse: ${fatal.map((message) => message.message).join("; ")}`);
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const PAGE = "app/x/page.tsx";
const ROUTE = "app/api/x/route.ts";
const COMPONENT = "components/x.tsx";
const LIB = "lib/x/y.ts";

describe("app/ runs no Prisma query", () => {
  it.each([
    ["a model call on the handle", "export async function load(db) { return db.region.findUnique({ where: { code: '84' } }); }"],
    ["a model call on getDb()", "export async function load() { return getDb().user.findMany(); }"],
    ["a write in a transaction", "export async function save(tx) { await tx.auditEvent.create({ data: {} }); }"],
    ["a count behind optional chaining", "export async function load(db) { return db?.importRun.count(); }"],
    ["the schema's last model", "export async function purge(db) { await db.passwordSetToken.deleteMany(); }"],
    ["a transaction", "export async function save(db) { await db.$transaction(async () => {}); }"],
    ["a raw query (tagged template)", "export async function ping(db) { await db.$queryRaw`SELECT 1`; }"],
    ["a raw statement (call)", "export async function run(db) { await db.$executeRawUnsafe('DELETE FROM x'); }"],
  ])("refuses %s", async (_case, code) => {
    const errors = await layeringErrors(ROUTE, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.ruleId).toBe("no-restricted-syntax");
    expect(errors[0]?.message).toContain("lib/");
  });

  it("refuses a query in a page as in a route", async () => {
    const code = "export default async function Page() { const region = await getDb().region.findUnique({ where: { code: '84' } }); return <h1>{region?.name}</h1>; }";
    expect((await layeringErrors(PAGE, code)).map((error) => error.ruleId)).toEqual(["no-restricted-syntax"]);
  });

  it.each([
    ["a domain function called with the handle", "const entities = await listLegalEntitiesForUser(getDb(), user, { search: q });"],
    ["array.find and array.findLast", "const a = rows.find((row) => row.ok); const b = rows.findLast((row) => row.ok);"],
    ["map.delete and set.delete", "const map = new Map(); map.delete('k'); new Set([1]).delete(1);"],
    ["a method named like Prisma's on an object that is not a model", "url.searchParams.delete('page'); this.cache.delete('k'); state.items.count(); form.fields.update({});"],
    ["a property named like a model without a Prisma method", "const name = user.region.name; const first = db.region.items.at(0);"],
  ])("allows %s", async (_case, code) => {
    expect(await layeringErrors(PAGE, `export default async function Page() { ${code} return null; }`)).toEqual([]);
  });
});

describe("app/ takes only the handle from lib/db", () => {
  it("allows getDb and the Database type, and generated types as types", async () => {
    const code = [
      'import { getDb, type Database } from "@/lib/db/client";',
      'import type { Role } from "@/lib/generated/prisma/enums";',
      'import { type DossierStatus } from "@/lib/generated/prisma/enums";',
      "export const x: [typeof getDb, Database | null, Role | null, DossierStatus | null] = [getDb, null, null, null];",
    ].join("\n");
    expect(await layeringErrors(PAGE, code)).toEqual([]);
  });

  it.each([
    ["the client factory", 'import { createDatabaseClient } from "@/lib/db/client";'],
    ["the embedded server", 'import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";'],
    ["lib/db by a relative path", 'import { getDb } from "../../lib/db/client";'],
    ["the whole client module", 'import * as client from "@/lib/db/client";'],
    ["a value of the generated client", 'import { Prisma } from "@/lib/generated/prisma/client";'],
    ["a generated enum as a value", 'import { Role } from "@/lib/generated/prisma/enums";'],
    ["Prisma's runtime package", 'import { PrismaClient } from "@prisma/client";'],
  ])("refuses %s", async (_case, code) => {
    const errors = await layeringErrors(ROUTE, `${code}\nexport {};`);
    expect(errors.map((error) => error.ruleId)).toEqual(["no-restricted-imports"]);
  });
});

describe("components/ have no data access", () => {
  it.each([
    ["the handle", 'import { getDb } from "@/lib/db/client";'],
    ["even the Database type", 'import type { Database } from "@/lib/db/client";'],
    ["lib/db by a relative path", 'import { getDb } from "../lib/db/client";'],
    ["a value of the generated client", 'import { Prisma } from "@/lib/generated/prisma/client";'],
  ])("refuses %s", async (_case, code) => {
    const errors = await layeringErrors(COMPONENT, `${code}\nexport {};`);
    expect(errors.map((error) => error.ruleId)).toEqual(["no-restricted-imports"]);
  });

  it("refuses a Prisma query", async () => {
    const errors = await layeringErrors(COMPONENT, "export async function Badge({ db }) { const n = await db.dossier.count(); return <span>{n}</span>; }");
    expect(errors.map((error) => error.ruleId)).toEqual(["no-restricted-syntax"]);
  });

  it("allows a generated enum as a type, lib's pure modules and array methods", async () => {
    const code = [
      'import type { DossierStatus } from "@/lib/generated/prisma/enums";',
      'import { formatEuros } from "@/lib/funding";',
      "export function Badge({ status, rows }: { status: DossierStatus; rows: { ok: boolean }[] }) {",
      "  return <span>{status}{formatEuros(rows.filter((row) => row.ok).length)}{rows.find((row) => row.ok) ? 'oui' : 'non'}</span>;",
      "}",
    ].join("\n");
    expect(await layeringErrors(COMPONENT, code)).toEqual([]);
  });
});

describe("lib/ never imports app/, components/ or prisma/", () => {
  it.each([
    ["app/ by its alias", 'import { changeDemoDate } from "@/app/admin/actions";'],
    ["components/ by its alias", 'import { QueueTable } from "@/components/instruction/queue-table";'],
    ["prisma/ by its alias", 'import { REGIONS } from "@/prisma/seed-data/regions";'],
    ["prisma/ by a relative path", 'import { REGIONS } from "../../prisma/seed-data/regions";'],
    ["app/ by a relative path", 'import { GET } from "../../app/api/health/route";'],
    ["a type of app/", 'import type { Metadata } from "@/app/layout";'],
  ])("refuses %s", async (_case, code) => {
    const errors = await layeringErrors(LIB, `${code}\nexport {};`);
    expect(errors.map((error) => error.ruleId)).toEqual(["no-restricted-imports"]);
  });

  it("allows lib/, the generated client and Prisma queries", async () => {
    const code = [
      'import { getDb } from "@/lib/db/client";',
      'import { Prisma } from "@/lib/generated/prisma/client";',
      'import { REGIONS } from "@/lib/reference/regions";',
      'import { regionOfPostalCode } from "../reference/import/regions";',
      "export async function load() { await getDb().$transaction(async (tx) => tx.region.findMany()); return [Prisma.sql`SELECT 1`, REGIONS, regionOfPostalCode]; }",
    ].join("\n");
    expect(await layeringErrors(LIB, code)).toEqual([]);
  });
});

describe("tests/, scripts/ and prisma/ are free", () => {
  it.each(["tests/integration/x.test.ts", "scripts/x.ts", "prisma/x.ts"])("%s may import app/ and run queries", async (filePath) => {
    const code = 'import { GET } from "@/app/api/health/route";\nimport { createDatabaseClient } from "@/lib/db/client";\nexport async function f() { await createDatabaseClient("x").region.findMany(); return GET; }';
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
