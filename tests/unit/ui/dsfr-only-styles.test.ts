/**
 * DSFR styles every component (issue 9): Tailwind stays for layout only. Every
 * class written in app/ and components/ is a DSFR class (fr-…), a Remix icon of
 * DSFR (ri-…), or a Tailwind layout utility; colours, borders, typography and
 * spacing by hand would copy what DSFR already provides.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");

const LAYOUT_UTILITY =
  /^(?:(?:sm|md|lg|xl):)?(?:flex|inline-flex|grid|block|inline-block|inline|hidden|contents|flex-(?:1|auto|none|wrap|col|row|nowrap)|grow|shrink-0|items-(?:start|end|center|baseline|stretch)|justify-(?:start|end|center|between|around)|self-(?:start|end|center|stretch)|gap(?:-[xy])?-\d+(?:\.5)?|grid-cols-\d+|col-span-(?:\d+|full)|w-full|w-auto|min-w-0|max-w-(?:xs|sm|md|lg|xl|2xl|3xl|4xl|5xl|6xl|prose|full|none)|min-h-screen|h-full|overflow-(?:x-)?(?:auto|hidden)|whitespace-(?:nowrap|pre-line|pre-wrap)|break-(?:words|all)|sticky|relative|left-0|top-0|z-\d+)$/;

function classTokens(source: string): string[] {
  const tokens: string[] = [];
  const literal = /className=(?:"([^"]*)"|\{`([^`]*)`\})/g;
  for (const match of source.matchAll(literal)) {
    const text = (match[1] ?? match[2] ?? "").replace(/\$\{[^}]*\}/g, " ");
    tokens.push(...text.split(/\s+/));
  }
  // Strings passed to fr.cx()/cx() and conditional class strings inside className={…}.
  const expression = /className=\{(?!`)([^}]*)\}/g;
  for (const match of source.matchAll(expression)) {
    for (const string of (match[1] ?? "").matchAll(/"([^"]*)"/g)) tokens.push(...(string[1] ?? "").split(/\s+/));
  }
  return tokens.filter(Boolean);
}

function isAllowed(token: string): boolean {
  return token.startsWith("fr-") || token.startsWith("ri-") || LAYOUT_UTILITY.test(token);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx$/.test(entry.name) ? [full] : [];
  });
}

describe("class names in the UI", () => {
  it("the check itself tells DSFR and layout classes from hand styling", () => {
    expect(classTokens(`<div className="fr-mt-2w flex gap-4 md:grid-cols-2" />`).every(isAllowed)).toBe(true);
    expect(classTokens(`<p className={\`text-sm \${x ? "a" : "b"}\`} />`)).toContain("text-sm");
    expect(classTokens(`<p className={fr.cx("fr-p-2w", cond && "border-erreur")} />`).filter((token) => !isAllowed(token))).toEqual(["border-erreur"]);
    expect(["bg-bleu-france", "text-white", "border", "px-4", "font-semibold", "rounded", "underline"].some(isAllowed)).toBe(false);
  });

  it("are DSFR classes or Tailwind layout utilities in every page and component", () => {
    const offenders = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))].flatMap((file) =>
      classTokens(fs.readFileSync(file, "utf8"))
        .filter((token) => !isAllowed(token))
        .map((token) => `${path.relative(ROOT, file)}: ${token}`),
    );
    expect([...new Set(offenders)]).toEqual([]);
  });
});
