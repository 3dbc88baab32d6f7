/**
 * One line of a `;`-separated file with RFC-4180 quotes (`"a;b"`, `""` inside quotes).
 * Quoted fields spanning several lines are not supported (no FINESS/SAE file has them):
 * an unclosed quote is an error of that line.
 */
export type CsvLineResult = { ok: true; fields: string[] } | { ok: false; reason: string };

export function parseCsvLine(text: string, separator = ";"): CsvLineResult {
  // Fast path, most lines of the reference files: no quote at all, the native split gives the same fields.
  if (!text.includes('"')) return { ok: true, fields: text.split(separator) };
  const fields: string[] = [];
  const length = text.length;
  let index = 0;
  for (;;) {
    if (text[index] === '"') {
      let value = "";
      let position = index + 1;
      for (;;) {
        const close = text.indexOf('"', position);
        if (close < 0) return { ok: false, reason: "guillemet ouvrant sans guillemet fermant" };
        value += text.slice(position, close);
        if (text[close + 1] === '"') {
          value += '"';
          position = close + 2;
          continue;
        }
        index = close + 1;
        break;
      }
      fields.push(value);
      if (index === length) return { ok: true, fields };
      if (text[index] !== separator) return { ok: false, reason: "caractère inattendu après un champ entre guillemets" };
      index += 1;
    } else {
      const next = text.indexOf(separator, index);
      if (next < 0) {
        fields.push(text.slice(index));
        return { ok: true, fields };
      }
      fields.push(text.slice(index, next));
      index = next + 1;
    }
  }
}

/** Field `index` of a parsed line, "" when missing. */
export function cell(fields: readonly string[], index: number): string {
  return fields[index] ?? "";
}
