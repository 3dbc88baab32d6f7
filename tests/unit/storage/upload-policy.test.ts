import { describe, expect, it } from "vitest";
import { contentDisposition, downloadHeaders } from "@/lib/storage/file-access";
import {
  acceptAttribute,
  allowedMediaTypes,
  checkContent,
  checkDeclaredFile,
  checkSize,
  extensionOf,
  formatFileSize,
  isUploadPurpose,
  MAX_UPLOAD_BYTES,
  MEDIA_TYPE_OLE2,
  MEDIA_TYPE_PDF,
  MEDIA_TYPE_XLS,
  MEDIA_TYPE_XLSX,
  MEDIA_TYPE_ZIP,
  purposeHint,
  sanitizeFileName,
  UPLOAD_PURPOSES,
} from "@/lib/storage/sniff-type";

// Intl's fr-FR output uses narrow no-break spaces; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("upload purposes (source 003)", () => {
  it("note de cadrage: pdf or zip, 20 files, < 100 Mo", () => {
    expect(UPLOAD_PURPOSES.NOTE_DE_CADRAGE.extensions).toEqual(["pdf", "zip"]);
    expect(UPLOAD_PURPOSES.NOTE_DE_CADRAGE.maxFiles).toBe(20);
    expect(allowedMediaTypes("NOTE_DE_CADRAGE")).toEqual([MEDIA_TYPE_PDF, MEDIA_TYPE_ZIP]);
    expect(plain(purposeHint("NOTE_DE_CADRAGE"))).toBe("Taille < 100 Mo. Les formats autorisés sont : pdf, zip. Cet espace accepte 20 fichiers maximum. Pour en déposer davantage, regroupez-les dans une archive zip.");
  });

  it("CaRE financial statement: xls (and xlsx), pdf, zip, 10 files", () => {
    expect(UPLOAD_PURPOSES.CARE_FINANCIAL_STATEMENT.extensions).toEqual(["xls", "xlsx", "pdf", "zip"]);
    expect(UPLOAD_PURPOSES.CARE_FINANCIAL_STATEMENT.maxFiles).toBe(10);
    expect(plain(purposeHint("CARE_FINANCIAL_STATEMENT"))).toBe("Taille < 100 Mo. Les formats autorisés sont : xls, xlsx, pdf, zip. Cet espace accepte 10 fichiers maximum. Pour en déposer davantage, regroupez-les dans une archive zip.");
  });

  it.each(["EXPENSE_ATTESTATION", "OBJECTIVE_PROOF", "GHT_MANDATE"] as const)("%s: signed PDF, or a ZIP bundle", (purpose) => {
    expect(allowedMediaTypes(purpose)).toEqual([MEDIA_TYPE_PDF, MEDIA_TYPE_ZIP]);
  });

  it("every purpose has the same < 100 Mo limit", () => {
    for (const rule of Object.values(UPLOAD_PURPOSES)) expect(rule.maxBytes).toBe(MAX_UPLOAD_BYTES);
  });

  it("only known purposes are accepted", () => {
    expect(isUploadPurpose("NOTE_DE_CADRAGE")).toBe(true);
    expect(isUploadPurpose("toString")).toBe(false);
    expect(isUploadPurpose("note_de_cadrage")).toBe(false);
    expect(isUploadPurpose(null)).toBe(false);
  });

  it("the file input's accept lists extensions and media types", () => {
    expect(acceptAttribute("NOTE_DE_CADRAGE")).toBe(".pdf,.zip,application/pdf,application/zip");
  });
});

describe("size limit: « Taille < 100 Mo » read as strictly less than 100 × 2^20 bytes", () => {
  it.each([
    [1, true],
    [100 * 1000 * 1000, true], // the decimal reading of 100 Mo is accepted as well
    [100 * 1024 * 1024 - 1, true], // the largest accepted file
    [100 * 1024 * 1024, false], // exactly 100 Mo is not "< 100 Mo"
    [100 * 1024 * 1024 + 1, false],
  ])("%d bytes → accepted: %s", (bytes, accepted) => {
    expect(MAX_UPLOAD_BYTES).toBe(104_857_599);
    const result = checkSize("NOTE_DE_CADRAGE", "note.pdf", bytes);
    expect(result.ok).toBe(accepted);
    if (!result.ok) {
      expect(result.reason).toBe("too-large");
      expect(plain(result.message)).toBe(
        "Le fichier « note.pdf » dépasse la taille maximale autorisée (moins de 100 Mo). Pour plusieurs pièces, déposez une archive zip ou plusieurs fichiers.",
      );
    }
  });

  it("an empty file is refused", () => {
    expect(checkSize("NOTE_DE_CADRAGE", "vide.pdf", 0)).toEqual({ ok: false, reason: "empty", message: "Le fichier « vide.pdf » est vide." });
  });

  it("the declared size is checked with the name", () => {
    expect(checkDeclaredFile("NOTE_DE_CADRAGE", "note.pdf", 104_857_600)).toMatchObject({ ok: false, reason: "too-large" });
    expect(checkDeclaredFile("NOTE_DE_CADRAGE", "note.pdf", 104_857_599)).toMatchObject({ ok: true });
  });
});

describe("extension and content must agree", () => {
  it("a .pdf that is not a PDF is refused with the file's name", () => {
    expect(checkContent("x.pdf", "pdf", null)).toEqual({ ok: false, reason: "content-mismatch", message: "Le fichier « x.pdf » n'est pas un PDF valide." });
    expect(checkContent("x.pdf", "pdf", MEDIA_TYPE_ZIP)).toMatchObject({ ok: false, message: "Le fichier « x.pdf » n'est pas un PDF valide." });
  });

  it("a .zip that is a PDF is refused", () => {
    expect(checkContent("lot.zip", "zip", MEDIA_TYPE_PDF)).toMatchObject({ ok: false, message: "Le fichier « lot.zip » n'est pas une archive ZIP valide." });
  });

  it("an .xls must be an OLE2 file, and is recorded as an Excel workbook", () => {
    expect(checkContent("trame.xls", "xls", MEDIA_TYPE_OLE2)).toEqual({ ok: true, value: MEDIA_TYPE_XLS });
    expect(checkContent("trame.xls", "xls", MEDIA_TYPE_ZIP)).toMatchObject({ ok: false, message: "Le fichier « trame.xls » n'est pas un classeur Excel (.xls) valide." });
  });

  it("an .xlsx must be a ZIP container; an .xlsx renamed .zip is a valid archive", () => {
    expect(checkContent("trame.xlsx", "xlsx", MEDIA_TYPE_XLSX)).toEqual({ ok: true, value: MEDIA_TYPE_XLSX });
    expect(checkContent("trame.xlsx", "xlsx", MEDIA_TYPE_ZIP)).toEqual({ ok: true, value: MEDIA_TYPE_XLSX });
    expect(checkContent("trame.xlsx", "xlsx", MEDIA_TYPE_OLE2)).toMatchObject({ ok: false });
    expect(checkContent("trame.zip", "zip", MEDIA_TYPE_XLSX)).toEqual({ ok: true, value: MEDIA_TYPE_ZIP });
  });

  it("the recorded type is the format's, not what the client says", () => {
    expect(checkContent("note.pdf", "pdf", MEDIA_TYPE_PDF)).toEqual({ ok: true, value: MEDIA_TYPE_PDF });
  });

  it("an extension outside the purpose's formats is refused before reading", () => {
    expect(checkDeclaredFile("NOTE_DE_CADRAGE", "note.docx")).toEqual({
      ok: false,
      reason: "format-not-allowed",
      message: "Le format du fichier « note.docx » n'est pas accepté. Les formats autorisés sont : pdf, zip.",
    });
    expect(checkDeclaredFile("NOTE_DE_CADRAGE", "trame.xls")).toMatchObject({ ok: false, reason: "format-not-allowed" });
    expect(checkDeclaredFile("CARE_FINANCIAL_STATEMENT", "trame.xls")).toMatchObject({ ok: true, value: { extension: "xls" } });
    expect(checkDeclaredFile("NOTE_DE_CADRAGE", "sans-extension")).toMatchObject({ ok: false, reason: "format-not-allowed" });
  });

  it("extensions compare case-insensitively", () => {
    expect(checkDeclaredFile("NOTE_DE_CADRAGE", "NOTE.PDF")).toEqual({ ok: true, value: { name: "NOTE.PDF", extension: "pdf" } });
    expect(extensionOf(".pdf")).toBe("");
    expect(extensionOf("archive.tar.zip")).toBe("zip");
  });
});

describe("sanitizeFileName", () => {
  it.each([
    ["C:\\Users\\daf\\Bureau\\attestation.pdf", "attestation.pdf"],
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["  note   de\tcadrage.pdf ", "note de cadrage.pdf"],
    ["facture\u202Efdp.exe", "facturefdp.exe"],
    ["ligne\u0000\u001f\u007f.pdf", "ligne.pdf"],
    ["e\u0301te\u0301.pdf", "été.pdf"],
  ])("%j → %j", (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it.each(["", "   ", "..", ".", "dossier/", "\u0000"])("%j has no usable name", (raw) => {
    expect(sanitizeFileName(raw)).toBeNull();
    expect(checkDeclaredFile("NOTE_DE_CADRAGE", raw)).toMatchObject({ ok: false, reason: "invalid-name" });
  });

  it("a long name is cut to 200 characters, keeping its extension", () => {
    const name = sanitizeFileName(`${"a".repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name?.endsWith("a.pdf")).toBe(true);
  });
});

describe("formatFileSize: French, binary units, truncated", () => {
  it.each([
    [0, "0 octet"],
    [1, "1 octet"],
    [512, "512 octets"],
    [1024, "1 Ko"],
    [1536, "1,5 Ko"],
    [2.4 * 1024 * 1024, "2,4 Mo"],
    [2.49 * 1024 * 1024, "2,4 Mo"],
    [100 * 1000 * 1000, "95,3 Mo"],
    [104_857_599, "99,9 Mo"],
    [104_857_600, "100 Mo"],
    [1.5 * 1024 ** 3, "1,5 Go"],
  ])("%d → %s", (bytes, expected) => {
    expect(plain(formatFileSize(bytes))).toBe(expected);
  });
});

describe("download headers", () => {
  it("attachment with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", "Note de cadrage – été 2026 (v2).pdf")).toBe(
      `attachment; filename="Note de cadrage _ ete 2026 (v2).pdf"; filename*=UTF-8''Note%20de%20cadrage%20%E2%80%93%20%C3%A9t%C3%A9%202026%20%28v2%29.pdf`,
    );
  });

  it("quotes and backslashes cannot break out of the fallback", () => {
    expect(contentDisposition("inline", 'a"b\\c.pdf')).toBe(`inline; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });

  it("the recorded type, its length, nosniff and no shared cache", () => {
    expect(downloadHeaders({ mediaType: MEDIA_TYPE_PDF, sizeBytes: 1234n, originalName: "n.pdf" }, false)).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": "1234",
      "Content-Disposition": `attachment; filename="n.pdf"; filename*=UTF-8''n.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  });
});
