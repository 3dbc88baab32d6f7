/**
 * What a PDF shows, read back with PDF.js (Mozilla's reader, legacy build for
 * Node): every text item with its box on its page, the text in the order it
 * is drawn, and the document information. Used to prove a generated PDF says
 * what it must and that no two of its text lines overlap.
 *
 * PDF.js reads every whitespace glyph (U+202F, U+00A0…) as a plain space;
 * which characters the embedded fonts really draw is read from their
 * ToUnicode maps (`fontCharacters`).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

/** A text item's box in PDF units (origin bottom left), from its transform, width and font metrics. */
export interface TextBox {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Bottom: baseline plus the font's descent (negative). */
  y0: number;
  /** Top: baseline plus the font's ascent. */
  y1: number;
  baseline: number;
}

export interface PdfPageText {
  page: number;
  width: number;
  height: number;
  boxes: TextBox[];
  /** The page's text in drawing order: items of one line joined, one line per `\n`. */
  text: string;
}

export interface PdfText {
  pages: PdfPageText[];
  info: Record<string, unknown>;
  /** Every page's text, in order. */
  text: string;
}

// The 14 standard fonts' metrics, shipped by pdfjs-dist, for PDFs that do not embed them.
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}${path.sep}`;

function isTextItem(item: unknown): item is TextItem {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  // PDF.js takes ownership of the buffer it reads: give it a copy.
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, standardFontDataUrl }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      // Without normalisation PDF.js keeps the characters drawn (it would turn U+202F and U+00A0 into spaces).
      const content = await page.getTextContent({ disableNormalization: true });
      const boxes: TextBox[] = [];
      let text = "";
      let previous: TextBox | null = null;
      for (const item of content.items) {
        if (!isTextItem(item) || item.str === "") continue;
        const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number];
        if (b !== 0 || c !== 0 || a <= 0 || d <= 0) throw new Error(`Unexpected rotated or mirrored text: ${item.str}`);
        const style = content.styles[item.fontName];
        const ascent = style?.ascent ?? 0.8;
        const descent = style?.descent ?? -0.2;
        const box: TextBox = { page: number, text: item.str, x0: x, x1: x + item.width, y0: y + descent * d, y1: y + ascent * d, baseline: y };
        const sameLine = previous !== null && Math.abs(previous.baseline - box.baseline) < 0.01 && Math.abs(box.x0 - previous.x1) < 1;
        text += previous === null || sameLine ? item.str : `\n${item.str}`;
        previous = box;
        if (item.str.trim() !== "") boxes.push(box);
      }
      pages.push({ page: number, width, height, boxes, text });
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown>, text: pages.map((page) => page.text).join("\n") };
  } finally {
    await document.destroy();
  }
}

/**
 * Pairs of text boxes of one page that cover each other by more than `tolerance` points both
 * across and down: two lines drawn over each other. Boxes that only touch (adjacent words, lines
 * stacked at the font's own line height) do not count.
 */
export function overlappingBoxes(boxes: readonly TextBox[], tolerance = 0.5): [TextBox, TextBox][] {
  const overlaps: [TextBox, TextBox][] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    const first = boxes[i]!;
    for (let j = i + 1; j < boxes.length; j += 1) {
      const second = boxes[j]!;
      if (first.page !== second.page) continue;
      const across = Math.min(first.x1, second.x1) - Math.max(first.x0, second.x0);
      const down = Math.min(first.y1, second.y1) - Math.max(first.y0, second.y0);
      if (across > tolerance && down > tolerance) overlaps.push([first, second]);
    }
  }
  return overlaps;
}

/** A text as PDF.js reads it back: any whitespace character becomes a plain space. */
export function asReadByPdfJs(text: string): string {
  return text.replace(/\s/g, " ");
}

/** Every character the PDF's embedded fonts map a glyph to (their ToUnicode CMaps, read with pdf-lib). */
export async function fontCharacters(bytes: Uint8Array): Promise<Set<string>> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const characters = new Set<string>();
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const toUnicode = object.lookup(PDFName.of("ToUnicode"));
    if (!(toUnicode instanceof PDFRawStream)) continue;
    const cmap = Buffer.from(decodePDFRawStream(toUnicode).decode()).toString("latin1");
    // Destinations of bfrange arrays and bfchar pairs: <gid> <unicode> or [<unicode> …].
    for (const block of cmap.matchAll(/beginbf(?:range|char)([\s\S]*?)endbf(?:range|char)/g)) {
      for (const line of block[1]!.split("\n")) {
        const codes = [...line.matchAll(/<([0-9a-fA-F]+)>/g)].map((match) => match[1]!);
        const destinations = line.includes("[") ? codes.slice(2) : codes.slice(1);
        for (const code of destinations) characters.add(String.fromCodePoint(Number.parseInt(code, 16)));
      }
    }
  }
  return characters;
}

/** Text compared without its whitespace, for texts the layout wraps (a line break replaces a space, or cuts a long word). */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, "");
}
