import { describe, expect, it } from "vitest";
import {
  MEDIA_TYPE_OLE2,
  MEDIA_TYPE_PDF,
  MEDIA_TYPE_XLSX,
  MEDIA_TYPE_ZIP,
  sniffMediaType,
  zipEntryNames,
} from "@/lib/storage/sniff-type";

const ascii = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);

/** A ZIP local file header for `name` followed by `data` (stored, no compression). */
function zipEntry(name: string, data: Uint8Array = new Uint8Array(0), flags = 0): Uint8Array {
  const nameBytes = ascii(name);
  const header = new Uint8Array(30 + nameBytes.length + data.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, flags, true);
  view.setUint32(18, data.length, true);
  view.setUint32(22, data.length, true);
  view.setUint16(26, nameBytes.length, true);
  view.setUint16(28, 0, true);
  header.set(nameBytes, 30);
  header.set(data, 30 + nameBytes.length);
  return header;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

describe("sniffMediaType: the type comes from the first bytes, never from the name", () => {
  it.each([
    ["a PDF starts with %PDF-", ascii("%PDF-1.4\n%âãÏÓ\n1 0 obj"), MEDIA_TYPE_PDF],
    ["a PDF 2.0 too", ascii("%PDF-2.0\n"), MEDIA_TYPE_PDF],
    ["a ZIP starts with a local file header", zipEntry("notes.txt", ascii("bonjour")), MEDIA_TYPE_ZIP],
    ["an empty ZIP archive is only an end-of-central-directory record", bytes(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)), MEDIA_TYPE_ZIP],
    ["an OLE2 compound file (.xls)", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), MEDIA_TYPE_OLE2],
    ["an XLSX is a ZIP with parts under xl/", concat(zipEntry("[Content_Types].xml", ascii("<Types/>")), zipEntry("xl/workbook.xml", ascii("<workbook/>"))), MEDIA_TYPE_XLSX],
  ])("%s", (_rule, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });

  it.each([
    ["an empty file", new Uint8Array(0)],
    ["a PDF header cut short", ascii("%PDF")],
    ["%PDF without its dash", ascii("%PDF1.4")],
    ["%PDF- not at offset 0 (we are stricter than Acrobat)", ascii(" %PDF-1.4")],
    ["an HTML page", ascii("<!DOCTYPE html><html>")],
    ["a Windows executable", ascii("MZ\x90\x00")],
    ["a PNG image", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ["a ZIP spanned-archive marker is not a local header", bytes(0x50, 0x4b, 0x07, 0x08)],
    ["half an OLE2 signature", bytes(0xd0, 0xcf, 0x11, 0xe0)],
  ])("unknown: %s", (_rule, head) => {
    expect(sniffMediaType(head)).toBeNull();
  });

  it("an XLSX whose xl/ parts lie past the window stays a ZIP (best effort, cheap)", () => {
    expect(sniffMediaType(zipEntry("[Content_Types].xml", new Uint8Array(5000)).subarray(0, 4096))).toBe(MEDIA_TYPE_ZIP);
  });

  it("a Word document (word/ parts) is a plain ZIP, not a spreadsheet", () => {
    expect(sniffMediaType(concat(zipEntry("[Content_Types].xml"), zipEntry("word/document.xml")))).toBe(MEDIA_TYPE_ZIP);
  });
});

describe("zipEntryNames walks the local headers inside the window", () => {
  it("lists consecutive entries", () => {
    expect(zipEntryNames(concat(zipEntry("a.txt", ascii("1")), zipEntry("b/c.txt", ascii("22")), zipEntry("xl/d.xml")))).toEqual(["a.txt", "b/c.txt", "xl/d.xml"]);
  });

  it("stops at an entry whose size is in a data descriptor (flag bit 3)", () => {
    expect(zipEntryNames(concat(zipEntry("streamed.bin", new Uint8Array(0), 0x08), zipEntry("xl/never-reached.xml")))).toEqual(["streamed.bin"]);
  });

  it("ignores a header whose name is cut by the window", () => {
    expect(zipEntryNames(zipEntry("a-long-name.xml").subarray(0, 34))).toEqual([]);
  });
});
