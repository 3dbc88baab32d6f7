/**
 * A real, small one-page PDF for the demo documents (a title and a few lines of text), written
 * by hand so that the seed needs no PDF library: PDF 1.4, the standard Helvetica font (every
 * reader has it, nothing embedded) in WinAnsiEncoding, one uncompressed content stream, and a
 * cross-reference table with the exact byte offsets. The same lines always give the same bytes.
 */

/** WinAnsiEncoding is Latin-1 but for 0x80–0x9F; the few characters of French text found there. */
const WIN_ANSI_EXTRAS: Readonly<Record<string, number>> = { "€": 0x80, "’": 0x92, "œ": 0x9c, "Œ": 0x8c, "\u202f": 0xa0 };

/** A PDF string literal of `text`, in WinAnsiEncoding; a character the font cannot show is an error, not a blank. */
function pdfString(text: string): Buffer {
  const bytes: number[] = [];
  for (const character of text) {
    const code = WIN_ANSI_EXTRAS[character] ?? character.codePointAt(0)!;
    if (code > 0xff || (code < 0x20 && code !== 0x09)) throw new Error(`demo PDF: cannot write ${JSON.stringify(character)} in WinAnsiEncoding`);
    // Parentheses and backslashes delimit the literal: escaped.
    if (code === 0x28 || code === 0x29 || code === 0x5c) bytes.push(0x5c);
    bytes.push(code);
  }
  return Buffer.from([0x28, ...bytes, 0x29]);
}

/** An A4 page: the title in 16 pt, then each line in 11 pt (an empty string is a blank line). */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const content = Buffer.concat([
    Buffer.from("BT\n/F1 16 Tf\n56 770 Td\n"),
    pdfString(title),
    Buffer.from(" Tj\n/F1 11 Tf\n16 TL\n0 -10 Td\n"),
    ...lines.flatMap((line) => [Buffer.from("T* "), pdfString(line), Buffer.from(" Tj\n")]),
    Buffer.from("ET\n"),
  ]);
  const objects = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from("endstream")]),
    Buffer.concat([Buffer.from("<< /Title "), pdfString(title), Buffer.from(" /Producer (Guichet HospiConnect - demonstration) >>")]),
  ];
  // The header's second line has bytes above 0x7F: it tells transfer tools the file is binary.
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push(length);
    parts.push(object);
    length += object.length;
  });
  // Each cross-reference entry is exactly 20 bytes, its end of line included.
  const xref = ["xref", `0 ${objects.length + 1}`, "0000000000 65535 f ", ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `)].join("\n");
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
