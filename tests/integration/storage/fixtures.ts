/** Files and streams for the storage tests, made on the fly. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";

/** A minimal valid PDF 1.4 (one blank A4 page), with a correct cross-reference table. */
export function minimalPdf(text = "Note de cadrage"): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    (() => {
      const stream = `BT /F1 12 Tf 72 770 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
  ];
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** An OLE2 compound-file header followed by padding: what an .xls starts with. */
export function ole2File(size = 8192): Buffer {
  const buffer = Buffer.alloc(size, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buffer);
  return buffer;
}

export function sha256(buffer: Buffer): string {
  return createHash("sha256").update(buffer).digest("hex");
}

/** A stream of `buffer` cut into `chunkSize`-byte chunks. */
export function chunked(buffer: Buffer, chunkSize: number): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < buffer.length; offset += chunkSize) yield buffer.subarray(offset, offset + chunkSize);
    })(),
    { objectMode: false },
  );
}

/**
 * A PDF-headed stream of `totalBytes` in `chunkSize` chunks that counts how
 * many chunks were pulled from it, and can fail after `failAfterChunks`.
 */
export function countingStream(options: { totalBytes: number; chunkSize: number; failAfterChunks?: number }) {
  const state = { pulled: 0, finished: false, destroyed: false };
  const chunk = Buffer.alloc(options.chunkSize, 0x20);
  Buffer.from("%PDF-1.7\n").copy(chunk);
  const filler = Buffer.alloc(options.chunkSize, 0x20);
  const readable = new Readable({
    read() {
      const sent = state.pulled * options.chunkSize;
      if (sent >= options.totalBytes) {
        state.finished = true;
        this.push(null);
        return;
      }
      if (options.failAfterChunks !== undefined && state.pulled >= options.failAfterChunks) {
        this.destroy(new Error("connection reset by peer"));
        return;
      }
      const size = Math.min(options.chunkSize, options.totalBytes - sent);
      const source = state.pulled === 0 ? chunk : filler;
      state.pulled += 1;
      this.push(source.subarray(0, size));
    },
    destroy(error, callback) {
      state.destroyed = true;
      callback(error);
    },
  });
  return { readable, state };
}

export function temporaryDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file under `root`, temporary files included (relative paths). */
export function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}
