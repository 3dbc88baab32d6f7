import { isAscii, isUtf8 } from "node:buffer";
import crypto from "node:crypto";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { ImportFileError } from "./errors";

export interface SourceLine {
  /** 1-based physical line number in the (decompressed) file. */
  readonly number: number;
  readonly text: string;
  /** True for the last non-empty line of the file (to tell a truncated file from a bad line). */
  readonly isLast: boolean;
}

export type FileEncoding = "utf-8" | "latin-1" | "ascii";

/**
 * Streams the lines of a file, never holding more than one chunk plus one line:
 * - SHA-256 of the bytes as received (compressed if gzip), available once the stream is drained;
 * - gzip detected by its magic bytes 1f 8b;
 * - encoding: UTF-8 when every non-ASCII line is valid UTF-8, else Latin-1 (ISO-8859-1), decided on
 *   the first non-ASCII line; a UTF-8 file with a later invalid line is rejected as mixed;
 *   UTF-16 (BOM or NUL bytes) is refused; a UTF-8 BOM is dropped;
 * - CR LF or LF line ends; blank lines are skipped.
 */
export class LineSource {
  private readonly hash = crypto.createHash("sha256");
  private digest: string | undefined;
  private drained = false;
  encoding: FileEncoding = "ascii";
  gzip = false;

  constructor(private readonly input: AsyncIterable<Uint8Array | string>) {}

  /** Hex SHA-256 of the whole input (reads and hashes what was not consumed yet). */
  async sha256(): Promise<string> {
    if (this.digest) return this.digest;
    if (!this.drained) {
      try {
        for await (const chunk of this.rawIterator()) void chunk;
      } catch {
        // The hash of what could be read.
      }
    }
    this.digest ??= this.hash.digest("hex");
    return this.digest;
  }

  private rawIteratorInstance: AsyncIterator<Buffer> | undefined;

  private rawIterator(): AsyncIterable<Buffer> {
    this.rawIteratorInstance ??= (async function* (self: LineSource) {
      const source = self.input[Symbol.asyncIterator]();
      for (;;) {
        const next = await source.next();
        if (next.done) break;
        const chunk = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        self.hash.update(chunk);
        yield chunk;
      }
      self.drained = true;
    })(this);
    const iterator = this.rawIteratorInstance;
    return { [Symbol.asyncIterator]: () => iterator };
  }

  private async *decompressed(): AsyncGenerator<Buffer> {
    const raw = this.rawIterator()[Symbol.asyncIterator]();
    let first = await raw.next();
    while (!first.done && first.value.length < 2) {
      const more = await raw.next();
      if (more.done) break;
      first = { done: false, value: Buffer.concat([first.value, more.value]) };
    }
    if (first.done) return;
    const head = first.value;
    const rest = async function* () {
      yield head;
      for (;;) {
        const next = await raw.next();
        if (next.done) return;
        yield next.value;
      }
    };
    if (head[0] === 0x1f && head[1] === 0x8b) {
      this.gzip = true;
      const gunzip = Readable.from(rest()).pipe(zlib.createGunzip({ chunkSize: 64 * 1024 }));
      const errors: Error[] = [];
      try {
        for await (const chunk of gunzip) yield chunk as Buffer;
      } catch (error) {
        errors.push(error as Error);
      }
      if (errors.length) throw new ImportFileError(`Archive gzip illisible ou tronquée (${errors[0]?.message ?? "erreur inconnue"}) : le fichier est incomplet, rien n'a été importé.`);
    } else {
      yield* rest();
    }
  }

  /** The lines one by one (see {@link lineBatches}). */
  async *lines(): AsyncGenerator<SourceLine> {
    for await (const batch of this.lineBatches()) yield* batch;
  }

  /**
   * The lines in batches (those completed by one decompressed chunk), so that a hot loop does not
   * pay one asynchronous step per line. Same lines, numbers and `isLast` as {@link lines}.
   */
  async *lineBatches(): AsyncGenerator<SourceLine[]> {
    let carry: Buffer = Buffer.alloc(0);
    let number = 0;
    let pending: { number: number; text: string } | undefined;
    let first = true;
    const decode = (bytes: Buffer, lineNumber: number): string => {
      if (isAscii(bytes)) return bytes.toString("latin1");
      if (this.encoding === "ascii") this.encoding = isUtf8(bytes) ? "utf-8" : "latin-1";
      if (this.encoding === "latin-1") return bytes.toString("latin1");
      if (!isUtf8(bytes)) {
        throw new ImportFileError(`Encodage incohérent : la ligne ${lineNumber} n'est pas en UTF-8 alors que les lignes précédentes l'étaient. Réenregistrez le fichier en UTF-8 ou en ISO-8859-1.`);
      }
      return bytes.toString("utf8");
    };
    const take = (bytes: Buffer): { number: number; text: string } | undefined => {
      number += 1;
      let line = bytes;
      if (line.length && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
      if (first) {
        first = false;
        if ((line[0] === 0xff && line[1] === 0xfe) || (line[0] === 0xfe && line[1] === 0xff) || line.includes(0)) {
          throw new ImportFileError("Encodage non pris en charge (UTF-16 ou fichier binaire) : enregistrez le fichier en CSV UTF-8 ou ISO-8859-1, séparateur « ; ».");
        }
        if (line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
      }
      const text = decode(line, number);
      return text.trim() === "" ? undefined : { number, text };
    };
    let out: SourceLine[] = [];
    const push = (line: { number: number; text: string }) => {
      if (pending) out.push({ number: pending.number, text: pending.text, isLast: false });
      pending = line;
    };
    /**
     * Complete lines `data[start, end)` (end at a LF). When the whole block decodes the same way as
     * its lines one by one (ASCII; Latin-1 decided; UTF-8 decided and valid), it is decoded at once
     * and split in JS; otherwise (first line, encoding not decided yet, invalid UTF-8) line by line.
     */
    const block = (data: Buffer, start: number, end: number) => {
      const bytes = data.subarray(start, end);
      const whole = !first && (isAscii(bytes) ? "latin1" : this.encoding === "latin-1" ? "latin1" : this.encoding === "utf-8" && isUtf8(bytes) ? "utf8" : undefined);
      if (whole) {
        const parts = bytes.toString(whole).split("\n");
        for (let i = 0; i < parts.length - 1; i += 1) {
          number += 1;
          let text = parts[i] as string;
          if (text.charCodeAt(text.length - 1) === 0x0d) text = text.slice(0, -1);
          if (text.trim() !== "") push({ number, text });
        }
        return;
      }
      let position = start;
      for (;;) {
        const lf = data.indexOf(0x0a, position);
        if (lf < 0 || lf >= end) break;
        const line = take(data.subarray(position, lf));
        position = lf + 1;
        if (line) push(line);
      }
    };
    for await (const chunk of this.decompressed()) {
      let data = chunk;
      if (carry.length) {
        data = Buffer.concat([carry, chunk]);
        carry = Buffer.alloc(0);
      }
      let start = 0;
      try {
        if (first) {
          // The first line alone (UTF-16 / binary check, BOM), then the rest of the chunk as a block.
          const lf = data.indexOf(0x0a);
          if (lf >= 0) {
            const line = take(data.subarray(0, lf));
            if (line) push(line);
            start = lf + 1;
          }
        }
        const lastLf = data.lastIndexOf(0x0a);
        if (lastLf >= start) {
          block(data, start, lastLf + 1);
          start = lastLf + 1;
        }
      } catch (error) {
        // The lines before the bad one are delivered first, as one by one.
        if (out.length) yield out;
        throw error;
      }
      carry = Buffer.from(data.subarray(start));
      if (out.length) {
        yield out;
        out = [];
      }
    }
    if (carry.length) {
      const line = take(carry);
      if (line) push(line);
    }
    if (pending) out.push({ number: pending.number, text: pending.text, isLast: true });
    if (out.length) yield out;
  }
}
