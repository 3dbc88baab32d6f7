import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";

export const EXTRACT_DIR = path.resolve("prisma/reference-extract");
export const FINESS_EXTRACT = path.join(EXTRACT_DIR, "finess_eg_22_20210108_flat.csv.gz");
export const SYGEN_2023 = path.join(EXTRACT_DIR, "SYGEN_2023r_22.csv.gz");
export const SYGEN_2022 = path.join(EXTRACT_DIR, "SYGEN_2022r_22.csv.gz");

export const fileStream = (file: string) => fs.createReadStream(file);
/** A stream of bytes in chunks of `size` (to cross line boundaries). */
export const bytesStream = (bytes: Buffer | string, size = 7): Readable => {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) chunks.push(buffer.subarray(i, i + size));
  return Readable.from(chunks);
};
export const gunzipFile = (file: string): string => zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
