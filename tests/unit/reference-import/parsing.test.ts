import { Readable } from "node:stream";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { describeFirstLine } from "@/lib/reference/import/detect";
import { legalStatusSignal } from "@/lib/reference/import/finess";
import { LineSource } from "@/lib/reference/import/lines";
import { parseCsvLine } from "@/lib/reference/import/csv";
import { departementOfPostalCode, regionOfDepartement, regionOfPostalCode } from "@/lib/reference/import/regions";
import { parseActivityValue } from "@/lib/reference/import/combined-activity";
import { REGIONS } from "@/prisma/seed-data/regions";

async function collect(bytes: Buffer, size = 3) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const source = new LineSource(Readable.from(chunks));
  const lines = [];
  for await (const line of source.lines()) lines.push(line);
  return { lines, source };
}

describe("parseCsvLine", () => {
  it("splits on ; with RFC-4180 quotes", () => {
    expect(parseCsvLine('a;"b;c";"d ""e""";')).toEqual({ ok: true, fields: ["a", "b;c", 'd "e"', ""] });
    expect(parseCsvLine("")).toEqual({ ok: true, fields: [""] });
    expect(parseCsvLine('a;"b')).toMatchObject({ ok: false });
    expect(parseCsvLine('"a"b;c')).toMatchObject({ ok: false });
    // Quote-free lines take the native split: same fields (a quote inside a field is plain text).
    expect(parseCsvLine("a;;b c;")).toEqual({ ok: true, fields: ["a", "", "b c", ""] });
    expect(parseCsvLine('a;b"c;d')).toEqual({ ok: true, fields: ["a", 'b"c', "d"] });
  });
});

describe("LineSource", () => {
  it("decodes UTF-8, CRLF, BOM, across chunk boundaries, and flags the last line", async () => {
    const { lines, source } = await collect(Buffer.from("\ufeffnom;é\r\n\r\nCH Cœur;ü\nfin", "utf8"));
    expect(lines).toEqual([
      { number: 1, text: "nom;é", isLast: false },
      { number: 3, text: "CH Cœur;ü", isLast: false },
      { number: 4, text: "fin", isLast: true },
    ]);
    expect(source.encoding).toBe("utf-8");
    expect(await source.sha256()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the same lines in batches, whatever the chunks, and the lines before an encoding error", async () => {
    const text = Buffer.concat([Buffer.from("h;é\n\na;b\r\nCœur;x\n", "utf8"), Buffer.from("Régional\nfin", "latin1")]);
    for (const size of [1, 4, 7, 64, 1024]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.subarray(i, i + size));
      const batched: unknown[] = [];
      const source = new LineSource(Readable.from(chunks));
      await expect(
        (async () => {
          for await (const batch of source.lineBatches()) batched.push(...batch);
        })(),
      ).rejects.toThrow(/ligne 5 n'est pas en UTF-8/);
      expect(batched).toEqual([
        { number: 1, text: "h;é", isLast: false },
        { number: 3, text: "a;b", isLast: false },
      ]);
    }
    const { lines } = await collect(Buffer.from("a\nb\n\nc\n", "latin1"), 2);
    expect(lines).toEqual([
      { number: 1, text: "a", isLast: false },
      { number: 2, text: "b", isLast: false },
      { number: 4, text: "c", isLast: true },
    ]);
  });

  it("falls back to Latin-1 when the bytes are not UTF-8, and gunzips by magic bytes", async () => {
    const raw = Buffer.from("a;b\nCentre Hospitalier Régional;é\n", "latin1");
    const { lines, source } = await collect(zlib.gzipSync(raw), 5);
    expect(lines.map((l) => l.text)).toEqual(["a;b", "Centre Hospitalier Régional;é"]);
    expect(source.gzip).toBe(true);
    expect(source.encoding).toBe("latin-1");
  });
});

describe("regions", () => {
  it("maps every département of the 18 ARS regions", () => {
    const regions = new Set(REGIONS.map((r) => r.code));
    for (const d of ["01", "22", "29", "35", "56", "2A", "2B", "75", "95", "9A", "9B", "9C", "9D", "9F"]) expect(regions.has(regionOfDepartement(d) ?? "")).toBe(true);
    expect(regionOfDepartement("22")).toBe("53");
    expect(regionOfDepartement("9J")).toBeUndefined();
  });

  it("derives the département from the postal code (Corse, overseas)", () => {
    expect(departementOfPostalCode("20000")).toBe("2A");
    expect(departementOfPostalCode("20190")).toBe("2A");
    expect(departementOfPostalCode("20200")).toBe("2B");
    expect(regionOfPostalCode("97306")).toBe("03");
    expect(regionOfPostalCode("97620")).toBe("06");
    expect(regionOfPostalCode("97150")).toBe("01");
    expect(regionOfPostalCode("98000")).toBeUndefined();
    expect(regionOfPostalCode("97500")).toBeUndefined();
    expect(regionOfPostalCode("2200")).toBeUndefined();
  });
});

describe("legal status and kinds", () => {
  it("derives the legal status from SPH, then agrégat", () => {
    expect(legalStatusSignal("1", "4401").status).toBe("PUBLIC");
    expect(legalStatusSignal("6", "1110").status).toBe("PRIVATE_NON_PROFIT");
    expect(legalStatusSignal("", "1102").status).toBe("PUBLIC");
    expect(legalStatusSignal("", "1104").status).toBe("PRIVATE_NON_PROFIT");
    expect(legalStatusSignal("9", "1110").status).toBe("PRIVATE_FOR_PROFIT");
  });

  it("recognises the first line of each kind", () => {
    expect(describeFirstLine("finess;etalab;111;2026-05-12")).toMatch(/finess-structureet/);
    expect(describeFirstLine("nofinesset;nofinessej;rs")).toMatch(/finess-csv/);
    expect(describeFirstLine("FI;FI_EJ;AN;EFFSAL_TOT")).toMatch(/sae-sygen/);
    expect(describeFirstLine("FINESS PMSI;année;valeur")).toMatch(/activite-csv/);
    expect(describeFirstLine("a,b,c,d")).toMatch(/virgules/);
  });

  it("parses activity values", () => {
    expect(parseActivityValue("12 345,5")).toBe("12345.5");
    expect(parseActivityValue("12.25")).toBeUndefined();
    // Source 002 equivalences only produce halves.
    expect(parseActivityValue("12345,6")).toBeUndefined();
    expect(parseActivityValue("12345,0")).toBe("12345.0");
    expect(parseActivityValue("-1")).toBeUndefined();
  });
});
