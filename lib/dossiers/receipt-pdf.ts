import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatParisInstant } from "@/lib/clock/paris-date";
import type { DossierSnapshot } from "./snapshot";

const DOCUMENT_KIND_LABELS: Record<string, string> = {
  GHT_MANDATE: "Mandat de l'établissement support",
  NOTE_DE_CADRAGE: "Note de cadrage",
  EXPENSE_ATTESTATION: "Attestation des dépenses",
  OBJECTIVE_PROOF: "Preuve d'objectif",
};

// The standard PDF fonts use WinAnsi: no narrow no-break space (Intl's thousands separator).
function winAnsi(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, " ").replace(/[–—]/g, "-").replace(/[’]/g, "'");
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

/**
 * The récépissé of one submission, built only from its immutable snapshot, so
 * it can be downloaded again at any time and always says the same thing.
 */
export async function renderReceiptPdf(snapshot: DossierSnapshot): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Récépissé ${snapshot.dossierNumber} — transmission ${snapshot.sequence}`);
  pdf.setLanguage("fr-FR");
  pdf.setCreator("Guichet HospiConnect");
  pdf.setCreationDate(new Date(snapshot.submittedAt));
  pdf.setModificationDate(new Date(snapshot.submittedAt));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);

  let page = pdf.addPage([595, 842]);
  let y = 800;
  const margin = 50;
  const line = (text: string, options: { font?: PDFFont; size?: number; gap?: number; color?: [number, number, number] } = {}) => {
    const size = options.size ?? 10;
    if (y < 60) {
      page = pdf.addPage([595, 842]);
      y = 800;
    }
    drawText(page, winAnsi(text), margin, y, options.font ?? regular, size, options.color);
    y -= options.gap ?? size + 5;
  };

  line("Guichet HospiConnect — programme HospiConnect / HOP'EN2", { font: bold, size: 11, color: [0, 0, 0.57] });
  line("Récépissé de dépôt", { font: bold, size: 18, gap: 28 });
  line(`Dossier n° ${snapshot.dossierNumber}`, { font: bold, size: 12 });
  line(`Guichet : ${snapshot.guichet.label}`);
  line(`Établissement porteur : ${snapshot.carrier.name} (FINESS EJ ${snapshot.carrier.finess}) — ARS ${snapshot.carrier.regionName}`);
  line(`Transmission n° ${snapshot.sequence}, le ${formatParisInstant(new Date(snapshot.submittedAt))} (heure de Paris)`);
  line(`Transmis par : ${snapshot.submittedBy.name} <${snapshot.submittedBy.email}>`, { gap: 22 });

  line("Entités juridiques couvertes", { font: bold, size: 12 });
  for (const part of snapshot.parts) line(`• ${part.name} — FINESS EJ ${part.legalEntityFiness}${part.nru ? ` — NRU ${part.nru}` : ""}`);
  y -= 10;

  line(`Documents transmis (${snapshot.documents.length})`, { font: bold, size: 12 });
  if (snapshot.documents.length === 0) line("Aucun document.");
  for (const document of snapshot.documents) {
    line(`• ${DOCUMENT_KIND_LABELS[document.kind] ?? document.kind}${document.objectiveCode ? ` ${document.objectiveCode}` : ""} : ${document.name} (${fileSize(document.sizeBytes)})`);
    line(`  SHA-256 ${document.sha256}`, { font: mono, size: 8 });
  }
  y -= 14;
  line("Ce récépissé atteste la transmission du dossier à l'ARS ; il ne vaut pas décision.", { size: 9 });
  line("Les empreintes SHA-256 permettent de vérifier que chaque document est celui qui a été transmis.", { size: 9 });
  return pdf.save();
}

function drawText(page: PDFPage, text: string, x: number, y: number, font: PDFFont, size: number, color?: [number, number, number]) {
  // Wrap long lines to the page width.
  const maxWidth = 595 - 2 * x;
  let remaining = text;
  let lineY = y;
  while (remaining.length > 0) {
    let cut = remaining.length;
    while (font.widthOfTextAtSize(remaining.slice(0, cut), size) > maxWidth && cut > 10) cut -= 1;
    page.drawText(remaining.slice(0, cut), { x, y: lineY, size, font, color: color ? rgb(...color) : rgb(0.1, 0.1, 0.1) });
    remaining = remaining.slice(cut);
    lineY -= size + 3;
  }
}
