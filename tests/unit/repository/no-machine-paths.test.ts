/**
 * A source is named by its file name, never by a path of one machine (issue 9, §2.12):
 * a user's clone has no such folder, and the path says nothing to a reader elsewhere.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const SKIPPED = new Set(["node_modules", ".git", ".next", ".next-e2e", ".data", "generated", "test-results", "playwright-report", ".auth"]);
const TEXT = /\.(?:ts|tsx|mjs|js|json|md|prisma|sql|css|sh|yml|yaml|txt)$|^\.gitignore$/;
const MACHINE_PATH = /(?<![\w.])\/(?:work|home|root|Users|mnt)\/[\w.+-]+/;

function textFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return textFiles(full);
    return TEXT.test(entry.name) && entry.name !== "package-lock.json" ? [full] : [];
  });
}

describe("the repository", () => {
  it("recognises a machine path", () => {
    expect(MACHINE_PATH.test(`Sources (${"/"}work/shared/seeds)`)).toBe(true);
    expect(MACHINE_PATH.test("source 000_1a898dec8b2a4de4.txt, ../shared/seeds")).toBe(false);
  });

  it("names no absolute path of a machine", () => {
    const offenders = textFiles(ROOT).flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => MACHINE_PATH.test(line))
        .map(({ index }) => `${path.relative(ROOT, file)}:${index + 1}`),
    );
    expect(offenders).toEqual([]);
  });
});
