/**
 * « before → after » in a few French words for the DNS audit page: only what changed between the
 * two states, each value shortened. Pure (unit-tested in tests/unit/audit/summary.test.ts).
 */
const MAX_VALUE = 80;

function shown(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "string") return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "aucun" : shown(value.map((item) => (typeof item === "object" && item !== null ? JSON.stringify(item) : String(item))).join(", "));
  return shown(JSON.stringify(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One line per changed field (`champ : avant → après`); empty when the row records no change. */
export function summariseChange(before: unknown, after: unknown): string[] {
  if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
  if (isRecord(before) || isRecord(after)) {
    const from = isRecord(before) ? before : {};
    const to = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    const lines = keys
      .filter((key) => JSON.stringify(from[key] ?? null) !== JSON.stringify(to[key] ?? null))
      .map((key) => `${key} : ${shown(from[key])} → ${shown(to[key])}`);
    if (lines.length > 0) return lines;
    if (!isRecord(before)) return [`créé : ${shown(after)}`];
    if (!isRecord(after)) return [`supprimé : ${shown(before)}`];
    return [];
  }
  return [`${shown(before)} → ${shown(after)}`];
}

/** The details of a row as `clé : valeur` lines (first level only). */
export function summariseDetails(details: unknown): string[] {
  if (details === null || details === undefined) return [];
  if (!isRecord(details)) return [shown(details)];
  return Object.entries(details).map(([key, value]) => `${key} : ${shown(value)}`);
}
