/**
 * PURE upload rules (no I/O, no Node APIs: the upload field imports them too):
 * - what a file is, from its first bytes (never from its name);
 * - which formats, sizes and counts each upload purpose accepts (source 003,
 *   deposit pages of the 2026 milestone and of the CaRE relève);
 * - file names: sanitising, extension, and the agreement of extension and content;
 * - French formatting of sizes.
 */

// ---------------------------------------------------------------- sniffing

export const MEDIA_TYPE_PDF = "application/pdf";
export const MEDIA_TYPE_ZIP = "application/zip";
export const MEDIA_TYPE_XLS = "application/vnd.ms-excel";
export const MEDIA_TYPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** OLE2 compound file: the container of .xls (and of .doc, .ppt, .msg — not told apart cheaply). */
export const MEDIA_TYPE_OLE2 = "application/x-ole-storage";

export type SniffedMediaType =
  | typeof MEDIA_TYPE_PDF
  | typeof MEDIA_TYPE_ZIP
  | typeof MEDIA_TYPE_XLSX
  | typeof MEDIA_TYPE_OLE2;

/** How many leading bytes the sniffer looks at (the upload holds at most this much before deciding). */
export const SNIFF_WINDOW_BYTES = 4096;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06]; // "PK\x05\x06": end of central directory only
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((value, index) => bytes[offset + index] === value);
}

/**
 * The media type of a file from its first bytes, or null when unknown.
 * PDF: "%PDF-" at offset 0 (strict: Acrobat tolerates up to 1 KiB of junk
 * before it, we do not — such a file is refused rather than guessed).
 * ZIP: a local file header or an empty archive. An XLSX is a ZIP whose local
 * headers name parts under "xl/": told apart when one of them shows up in the
 * window (cheap, best effort — otherwise it stays a ZIP).
 * OLE2: the compound-file signature (an .xls, but also a .doc: not told apart).
 */
export function sniffMediaType(head: Uint8Array): SniffedMediaType | null {
  if (startsWith(head, PDF_MAGIC)) return MEDIA_TYPE_PDF;
  if (startsWith(head, ZIP_EMPTY_ARCHIVE)) return MEDIA_TYPE_ZIP;
  if (startsWith(head, ZIP_LOCAL_FILE)) return zipEntryNames(head).some((name) => name.startsWith("xl/")) ? MEDIA_TYPE_XLSX : MEDIA_TYPE_ZIP;
  if (startsWith(head, OLE2_MAGIC)) return MEDIA_TYPE_OLE2;
  return null;
}

/** Names of the ZIP local file headers that lie entirely in `head` (walks header to header). */
export function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let offset = 0;
  while (offset + 30 <= head.length && startsWith(head, ZIP_LOCAL_FILE, offset)) {
    const flags = view.getUint16(offset + 6, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    if (offset + 30 + nameLength > head.length) break;
    names.push(decoder.decode(head.subarray(offset + 30, offset + 30 + nameLength)));
    // With a data descriptor (flag bit 3) the size is only known after the data: stop there.
    if (flags & 0x08) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

// ---------------------------------------------------------------- formats

export type FileExtension = "pdf" | "zip" | "xls" | "xlsx";

interface FileFormat {
  /** Media type recorded and served for a file of this extension. */
  mediaType: string;
  /** Sniffed types that agree with the extension. */
  accepts: readonly SniffedMediaType[];
  /** Completes « Le fichier « x » n'est pas … valide. » */
  description: string;
}

/**
 * Extension ↔ content agreement. The container is always sniffed from the
 * bytes; for the two office formats the subtype follows the extension once the
 * container matches (an .xlsx is a ZIP whose "xl/" parts may lie past the sniff
 * window; an .xls is an OLE2 file whose workbook stream lies far into the file).
 * An .xlsx renamed .zip is a valid ZIP archive and is accepted as such.
 */
export const FILE_FORMATS: Record<FileExtension, FileFormat> = {
  pdf: { mediaType: MEDIA_TYPE_PDF, accepts: [MEDIA_TYPE_PDF], description: "un PDF" },
  zip: { mediaType: MEDIA_TYPE_ZIP, accepts: [MEDIA_TYPE_ZIP, MEDIA_TYPE_XLSX], description: "une archive ZIP" },
  xls: { mediaType: MEDIA_TYPE_XLS, accepts: [MEDIA_TYPE_OLE2], description: "un classeur Excel (.xls)" },
  xlsx: { mediaType: MEDIA_TYPE_XLSX, accepts: [MEDIA_TYPE_XLSX, MEDIA_TYPE_ZIP], description: "un classeur Excel (.xlsx)" },
};

// ---------------------------------------------------------------- purposes

/**
 * "Taille < 100 Mo" (source 003). We read "Mo" as the binary mébioctet
 * (2^20 bytes), as Windows Explorer — what most hospital staff use — shows
 * sizes, and as the strictly-less-than of the source: the largest accepted file
 * is 100 × 2^20 − 1 = 104 857 599 bytes. A file of 100 × 10^6 bytes (the
 * decimal reading) is therefore accepted too: the generous reading never
 * refuses a file the other reading would accept.
 */
export const MEBIBYTE = 1024 * 1024;
export const SOURCE_SIZE_LIMIT_BYTES = 100 * MEBIBYTE;
export const MAX_UPLOAD_BYTES = SOURCE_SIZE_LIMIT_BYTES - 1;

export interface UploadPurposeRule {
  /** French name of what is deposited, for labels and messages. */
  label: string;
  extensions: readonly FileExtension[];
  /** Largest accepted size, inclusive. */
  maxBytes: number;
  /** Most files of this purpose in one dossier part (enforced where files are linked to a dossier, not at upload). */
  maxFiles: number;
}

/**
 * Upload purposes; all but CARE_FINANCIAL_STATEMENT are DossierDocumentKind values.
 * - NOTE_DE_CADRAGE: "pdf, zip", 20 files (source 003, deposit page of the 2026 milestone).
 * - EXPENSE_ATTESTATION, OBJECTIVE_PROOF, GHT_MANDATE: signed scans → PDF, ZIP for bundles;
 *   the source gives no count for them: the 20 of the same deposit page.
 * - GHT_VALIDATION, PARTNER_COMMITMENT, TARGET_PROOF (AAP HOP'EN2, source 001): the source names
 *   the documents, not their formats: signed letters and proofs → PDF, ZIP for bundles, 20 files.
 * - CARE_FINANCIAL_STATEMENT: "xls, pdf, zip", 10 files (source 003, CaRE section
 *   financière); .xlsx admitted as well since today's spreadsheets are .xlsx.
 */
export const UPLOAD_PURPOSES = {
  NOTE_DE_CADRAGE: { label: "Note de cadrage", extensions: ["pdf", "zip"], maxBytes: MAX_UPLOAD_BYTES, maxFiles: 20 },
  EXPENSE_ATTESTATION: {
    label: "Attestation sur l'honneur des dépenses engagées",
    extensions: ["pdf", "zip"],
    maxBytes: MAX_UPLOAD_BYTES,
    maxFiles: 20,
  },
  OBJECTIVE_PROOF: { label: "Preuve d'atteinte d'un objectif", extensions: ["pdf", "zip"], maxBytes: MAX_UPLOAD_BYTES, maxFiles: 20 },
  GHT_MANDATE: { label: "Mandat du GHT", extensions: ["pdf", "zip"], maxBytes: MAX_UPLOAD_BYTES, maxFiles: 20 },
  GHT_VALIDATION: { label: "Validation du projet à l'échelle du GHT", extensions: ["pdf", "zip"], maxBytes: MAX_UPLOAD_BYTES, maxFiles: 20 },
  PARTNER_COMMITMENT: { label: "Lettre d'engagement d'un partenaire industriel", extensions: ["pdf", "zip"], maxBytes: MAX_UPLOAD_BYTES, maxFiles: 20 },
  TARGET_PROOF: { label: "Preuve d'atteinte d'une cible", extensions: ["pdf", "zip"], maxBytes: MAX_UPLOAD_BYTES, maxFiles: 20 },
  CARE_FINANCIAL_STATEMENT: {
    label: "Trame financière et pièces justificatives des dépenses engagées",
    extensions: ["xls", "xlsx", "pdf", "zip"],
    maxBytes: MAX_UPLOAD_BYTES,
    maxFiles: 10,
  },
} as const satisfies Record<string, UploadPurposeRule>;

export type UploadPurpose = keyof typeof UPLOAD_PURPOSES;

export function isUploadPurpose(value: unknown): value is UploadPurpose {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(UPLOAD_PURPOSES, value);
}

export function uploadPurposeRule(purpose: UploadPurpose): UploadPurposeRule {
  return UPLOAD_PURPOSES[purpose];
}

/** Media types a purpose may end up storing. */
export function allowedMediaTypes(purpose: UploadPurpose): string[] {
  return [...new Set(uploadPurposeRule(purpose).extensions.map((extension) => FILE_FORMATS[extension].mediaType))];
}

/** Value of the `accept` attribute of a file input. */
export function acceptAttribute(purpose: UploadPurpose): string {
  const extensions = uploadPurposeRule(purpose).extensions;
  return [...extensions.map((extension) => `.${extension}`), ...allowedMediaTypes(purpose)].join(",");
}

/** The hint shown under an upload field, worded like the source's deposit page. */
export function purposeHint(purpose: UploadPurpose, maxFiles: number = uploadPurposeRule(purpose).maxFiles): string {
  const rule = uploadPurposeRule(purpose);
  const limit = formatFileSize(rule.maxBytes + 1);
  // source 003: "Cet espace accepte 20 fichiers maximum. Dans le cas où vous devriez en déposer plus, nous vous invitons à déposer une archive zip."
  const count = maxFiles > 1 ? `Cet espace accepte ${maxFiles} fichiers maximum. Pour en déposer davantage, regroupez-les dans une archive zip.` : "Cet espace accepte 1 fichier.";
  return `Taille < ${limit}. Les formats autorisés sont : ${rule.extensions.join(", ")}. ${count}`;
}

// ---------------------------------------------------------------- names and checks

const MAX_NAME_LENGTH = 200;

/**
 * A displayable, harmless version of a client-sent name, or null if nothing
 * usable is left: last path segment only (old browsers send "C:\…\x.pdf"),
 * Unicode NFC, no control or bidirectional-override characters (they disguise
 * "fdp.exe" as "exe.pdf"), spaces collapsed, at most 200 characters keeping the
 * extension.
 */
export function sanitizeFileName(raw: string): string | null {
  const lastSegment = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = lastSegment
    .replace(/\s+/g, " ")
    // Control characters (C0, DEL, C1) and bidirectional marks/overrides/isolates.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  if (cleaned === "" || /^\.+$/.test(cleaned)) return null;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/** The lower-cased extension of a name, without the dot ("" if none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; reason: "invalid-name" | "format-not-allowed" | "too-large" | "empty" | "content-mismatch"; message: string };

/** Checks what the client declares before a byte is read: name, extension and (when known) size. */
export function checkDeclaredFile(purpose: UploadPurpose, rawName: string, declaredBytes?: number): CheckResult<{ name: string; extension: FileExtension }> {
  const rule = uploadPurposeRule(purpose);
  const name = sanitizeFileName(rawName);
  if (name === null) return { ok: false, reason: "invalid-name", message: "Le nom du fichier est vide ou invalide : renommez le fichier puis déposez-le à nouveau." };
  const extension = extensionOf(name);
  if (!(rule.extensions as readonly string[]).includes(extension)) {
    return {
      ok: false,
      reason: "format-not-allowed",
      message: `Le format du fichier « ${name} » n'est pas accepté. Les formats autorisés sont : ${rule.extensions.join(", ")}.`,
    };
  }
  if (declaredBytes !== undefined) {
    const size = checkSize(purpose, name, declaredBytes);
    if (!size.ok) return size;
  }
  return { ok: true, value: { name, extension: extension as FileExtension } };
}

/** Size rule: more than zero bytes, at most the purpose's limit. */
export function checkSize(purpose: UploadPurpose, name: string, bytes: number): CheckResult<number> {
  const rule = uploadPurposeRule(purpose);
  if (bytes <= 0) return { ok: false, reason: "empty", message: `Le fichier « ${name} » est vide.` };
  if (bytes > rule.maxBytes) return { ok: false, reason: "too-large", message: tooLargeMessage(name, rule.maxBytes) };
  return { ok: true, value: bytes };
}

export function tooLargeMessage(name: string, maxBytes: number): string {
  return `Le fichier « ${name} » dépasse la taille maximale autorisée (moins de ${formatFileSize(maxBytes + 1)}). Pour plusieurs pièces, déposez une archive zip ou plusieurs fichiers.`;
}

/**
 * Do the bytes agree with the extension? Returns the media type to record.
 * `sniffed` is what sniffMediaType found in the first bytes.
 */
export function checkContent(name: string, extension: FileExtension, sniffed: SniffedMediaType | null): CheckResult<string> {
  const format = FILE_FORMATS[extension];
  if (sniffed === null || !format.accepts.includes(sniffed)) {
    return { ok: false, reason: "content-mismatch", message: `Le fichier « ${name} » n'est pas ${format.description} valide.` };
  }
  return { ok: true, value: format.mediaType };
}

// ---------------------------------------------------------------- display

const oneDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/**
 * "2,4 Mo", "512 octets", "1,5 Go". Binary units (1 Mo = 2^20 octets, the
 * reading of the limit above) truncated — not rounded — to one decimal, so that
 * an accepted file never displays as "100 Mo" next to "Taille < 100 Mo".
 */
export function formatFileSize(bytes: number): string {
  const units = ["Ko", "Mo", "Go", "To"] as const;
  if (bytes < 1024) return `${oneDecimal.format(bytes)} octet${bytes > 1 ? "s" : ""}`;
  let value = bytes / 1024;
  let unit: (typeof units)[number] = units[0];
  for (const next of units.slice(1)) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  return `${oneDecimal.format(Math.floor(value * 10) / 10)} ${unit}`;
}
