import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** Writes a real one-page PDF to a temporary file and returns its path (for file inputs). */
export async function writePdf(fileName: string, text: string): Promise<string> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "guichet-pdf-")), fileName);
  fs.writeFileSync(file, await pdf.save());
  return file;
}

/** A real PDF that carries the EICAR test file in a trailing comment: the tests' clamd finds it (tests/support/clamd.ts). */
export async function writeInfectedPdf(fileName: string, eicar: string): Promise<string> {
  const file = await writePdf(fileName, "Document piégé");
  fs.appendFileSync(file, `\n%${eicar}\n`);
  return file;
}
