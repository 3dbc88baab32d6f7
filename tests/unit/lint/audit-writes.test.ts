/**
 * The audit has one writer (issue 14 §2): recordAudit in lib/audit/record.ts, which chains each
 * row to the one before it. Anything else that writes AuditEvent (or AuditDigest) — a Prisma call
 * or a raw INSERT — breaks the hash chain, so it is refused: by the project's ESLint rule
 * « audit/one-writer » on snippets, and by a scan of the source tree.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === "no-restricted-syntax" });
  await eslint.lintText("export {};", { filePath: path.join(ROOT, "lib/warm-up.ts") });
}, 120_000);

async function ruleMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result.messages.map((message) => message.message);
}

describe("the ESLint rule", () => {
  it.each([
    ["a create in a transaction", "lib/dossiers/x.ts", "export async function f(tx) { await tx.auditEvent.create({ data: {} }); }"],
    ["a createMany on the client", "lib/admin/x.ts", "export async function f(db) { await db.auditEvent.createMany({ data: [] }); }"],
    ["an update of a row", "lib/x/y.ts", "export async function f(db) { await db.auditEvent.update({ where: { id: 1n }, data: {} }); }"],
    ["a digest written by hand", "scripts/x.ts", "export async function f(db) { await db.auditDigest.create({ data: {} }); }"],
    ["a seed", "prisma/seed-data/x.ts", "export async function f(db) { await db.auditEvent.create({ data: {} }); }"],
  ])("refuses %s outside lib/audit/", async (_case, filePath, code) => {
    const messages = await ruleMessages(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("recordAudit");
  });

  it("lets lib/audit/ write, and anyone read", async () => {
    expect(await ruleMessages("lib/audit/record.ts", "export async function f(tx) { await tx.auditEvent.create({ data: {} }); }")).toEqual([]);
    expect(await ruleMessages("lib/admin/x.ts", "export async function f(db) { return db.auditEvent.findMany({ where: { subject: 'x' } }); }")).toEqual([]);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(m?[jt]sx?|sql)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe("the source tree", () => {
  it("writes AuditEvent only from lib/audit/", () => {
    const write = /\baudit(Event|Digest)\s*\.\s*(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\s*\(|\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"Audit(Event|Digest)"/;
    const offenders = ["lib", "app", "components", "prisma", "scripts", "bench"]
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith("lib/audit/") && !file.startsWith("lib/generated/") && !file.startsWith("prisma/migrations/"))
      .filter((file) => write.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
