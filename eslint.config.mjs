import { readFileSync } from "node:fs";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/*
 * One-way layering (DESIGN.md, « Layout »): app/ → lib/ → Prisma, components/ receive data as props.
 *
 * How a page gets its database handle: app/ may import `getDb` (and the type `Database`) from
 * `@/lib/db/client` and hand it to a domain function of lib/, but never run a query itself. The
 * handle is a plain argument so that the integration tests give each domain function their own
 * database; fetching the handle inside every read model would hide that seam for no gain.
 * components/ import nothing of lib/db, not even a type.
 * Generated Prisma types and enums stay importable as types (`import type`) from app/ and
 * components/: a status badge needs `DossierStatus`, never the client.
 * tests/, scripts/ and prisma/ are free: they set data up and may import lib/.
 */

// Prisma's model delegates (`db.region`, `tx.auditEvent`) are the schema's model names, first
// letter lowered: reading them from schema.prisma keeps the rule exact as models come and go, and
// keeps it off unrelated calls that share a method name (`url.searchParams.delete`, `this.cache.delete`).
const schema = readFileSync(new URL("./prisma/schema.prisma", import.meta.url), "utf8");
const modelDelegates = [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map(([, name]) => name.charAt(0).toLowerCase() + name.slice(1));
if (modelDelegates.length === 0) throw new Error("eslint.config.mjs: no model found in prisma/schema.prisma");

const MODEL_METHODS = [
  "findMany", "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "count", "create", "createMany",
  "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany", "aggregate", "groupBy",
];
// The client's own methods start with `$`, a prefix nothing else of the project uses.
const CLIENT_METHODS = ["transaction", "queryRaw", "queryRawUnsafe", "executeRaw", "executeRawUnsafe", "queryRawTyped"];

const QUERY_MESSAGE =
  "No Prisma query in app/ or components/: put it in a domain function of lib/ (a read model or a service of the module that owns the concept) and call that function.";
const prismaQueryRules = [
  {
    selector: `CallExpression[callee.type="MemberExpression"][callee.property.name=/^(${MODEL_METHODS.join("|")})$/][callee.object.type="MemberExpression"][callee.object.property.name=/^(${modelDelegates.join("|")})$/]`,
    message: QUERY_MESSAGE,
  },
  { selector: `CallExpression[callee.type="MemberExpression"][callee.property.name=/^\\$(${CLIENT_METHODS.join("|")})$/]`, message: QUERY_MESSAGE },
  { selector: `TaggedTemplateExpression[tag.type="MemberExpression"][tag.property.name=/^\\$(${CLIENT_METHODS.join("|")})$/]`, message: QUERY_MESSAGE },
];

const GENERATED_MESSAGE = "app/ and components/ may import Prisma's generated types and enums as types only (`import type`); queries belong in lib/.";
const typeOnlyPrismaImports = [
  { regex: "(^|/)lib/generated(/|$)", allowTypeImports: true, message: GENERATED_MESSAGE },
  { regex: "^@prisma/", allowTypeImports: true, message: GENERATED_MESSAGE },
];

const SOURCE_FILES = "{js,jsx,mjs,cjs,ts,tsx,mts,cts}";

// The audit has one writer (issue 14 §2): lib/audit/record.ts chains each row to the one before, so
// a row written any other way breaks the chain. app/ and components/ already run no query at all.
const AUDIT_WRITE_METHODS = ["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"];
const auditWriteRules = [
  {
    selector: `CallExpression[callee.type="MemberExpression"][callee.property.name=/^(${AUDIT_WRITE_METHODS.join("|")})$/][callee.object.type="MemberExpression"][callee.object.property.name=/^(auditEvent|auditDigest)$/]`,
    message: "The audit is written only through recordAudit (lib/audit/record.ts), inside the transaction of the change it records: a row written otherwise breaks the hash chain.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-e2e/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    name: "layering/app",
    files: [`app/**/*.${SOURCE_FILES}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/db/client",
              allowImportNames: ["getDb", "getBatchDb", "Database"],
              message: "app/ takes only the handles (`getDb`, `getBatchDb` for imports, type `Database`) from lib/db and passes it to a domain function of lib/.",
            },
          ],
          patterns: [
            {
              regex: "^(?!@/lib/db/client$).*(^|/)lib/db(/|$)",
              message: "app/ takes only `getDb` (and the type `Database`) from `@/lib/db/client`; database work belongs in lib/.",
            },
            ...typeOnlyPrismaImports,
          ],
        },
      ],
      "no-restricted-syntax": ["error", ...prismaQueryRules],
    },
  },
  {
    name: "layering/components",
    files: [`components/**/*.${SOURCE_FILES}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)lib/db(/|$)", message: "components/ have no data access: the page reads through lib/ and passes the data as props." },
            ...typeOnlyPrismaImports,
          ],
        },
      ],
      "no-restricted-syntax": ["error", ...prismaQueryRules],
    },
  },
  {
    name: "layering/lib",
    files: [`lib/**/*.${SOURCE_FILES}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // Relative forms too: from lib/, `../` chains can only reach these folders at the root.
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)(app|components|prisma)(/|$)",
              message: "lib/ never imports app/, components/ or prisma/: move what both need into lib/ (prisma/ and app/ may import lib/).",
            },
          ],
        },
      ],
    },
  },
  {
    name: "audit/one-writer",
    files: [`lib/**/*.${SOURCE_FILES}`, `prisma/**/*.${SOURCE_FILES}`, `scripts/**/*.${SOURCE_FILES}`, `bench/**/*.${SOURCE_FILES}`],
    ignores: [`lib/audit/**`],
    rules: { "no-restricted-syntax": ["error", ...auditWriteRules] },
  },
]);
