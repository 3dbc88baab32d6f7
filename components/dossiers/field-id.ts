/** The id of a form field from its key ("parts.998400402.nru" → "champ-parts-998400402-nru"): errors, summaries and ARS points link to it. Plain, so server components use it too. */
export function fieldId(key: string): string {
  return `champ-${key.replace(/[^A-Za-z0-9]+/g, "-")}`;
}
