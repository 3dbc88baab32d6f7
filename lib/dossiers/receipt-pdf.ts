import { documentKindLabel } from "./document-kinds";
import { projectReceiptSections } from "./kinds/project-call/receipt-content";
import { careReceiptSections } from "./kinds/care-releve/receipt-content";
import fs from "node:fs";
import path from "node:path";
import pdfMake from "pdfmake";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { z } from "zod";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, formatEuros, sumCents, type Cents } from "@/lib/funding";
import type { GuichetKind } from "@/lib/generated/prisma/enums";
import { expensesAttestationText, targetsAttestationText } from "./attestation-wording";
import { DOSSIER_KINDS } from "./kinds";
import { MANDATORY_OBJECTIVE } from "./objectives";
import { GHT_MANDATE_KINDS, PROJECT_TEAM_ROLES } from "./project-team";
import type { DossierSnapshot } from "./snapshot";

/*
 * The récépissé of one transmission, laid out by pdfmake (wrapping, tables,
 * page breaks, repeated table headers, page numbers) from the immutable
 * snapshot only, so it can be downloaded again at any time and says the same
 * thing, byte for byte.
 *
 * Font: DejaVu Sans from the `dejavu-fonts-ttf` package, read from disk (never
 * fetched). Unlike Roboto (pdfmake's own), Marianne (DSFR) or the Google Fonts
 * subsets, it has the narrow no-break space that Intl fr-FR puts in amounts
 * (« 39 050,00 € »), besides the French accents, œ, « », € and ’.
 */

const FONT_DIRECTORY = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONT_FILES = {
  DejaVuSans: { normal: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italics: "DejaVuSans-Oblique.ttf", bolditalics: "DejaVuSans-BoldOblique.ttf" },
  DejaVuSansMono: { normal: "DejaVuSansMono.ttf", bold: "DejaVuSansMono-Bold.ttf", italics: "DejaVuSansMono-Oblique.ttf", bolditalics: "DejaVuSansMono-BoldOblique.ttf" },
} as const;

let configured = false;

/** Registers the fonts once per process; the receipt reads those files and nothing else, fetches nothing. */
function configurePdfMake(): void {
  if (configured) return;
  const fonts = Object.fromEntries(
    Object.entries(FONT_FILES).map(([family, files]) => [family, Object.fromEntries(Object.entries(files).map(([style, file]) => [style, path.join(FONT_DIRECTORY, file)]))]),
  ) as Record<keyof typeof FONT_FILES, Record<"normal" | "bold" | "italics" | "bolditalics", string>>;
  const allowed = new Set(Object.values(fonts).flatMap((styles) => Object.values(styles)));
  for (const file of allowed) if (!fs.existsSync(file)) throw new Error(`Receipt font missing: ${file} (is the dejavu-fonts-ttf package installed?)`);
  pdfMake.setFonts(fonts);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => allowed.has(file));
  configured = true;
}

const PAGE_MARGIN = 48;
// A4 width (595.28 pt) less the side margins.
const CONTENT_WIDTH = 595.28 - 2 * PAGE_MARGIN;
// lightHorizontalLines pads each cell by 8 pt on its inner sides.
const CELL_PADDING = 8;

/**
 * Column widths as numbers, one of them "rest" (what the line leaves). A star or auto column would widen
 * to its longest word (a long file name) and push the table off the page; with a fixed width pdfmake
 * cuts such a word inside its cell.
 */
function columnWidths(...widths: (number | "rest")[]): number[] {
  const fixed = widths.reduce<number>((total, width) => total + (width === "rest" ? 0 : width), 0);
  const rest = Math.floor(CONTENT_WIDTH - fixed - 2 * CELL_PADDING * (widths.length - 1));
  return widths.map((width) => (width === "rest" ? rest : width));
}

const BLUE_FRANCE = "#000091";
const GREY_TEXT = "#3a3a3a";
const HEADER_FILL = "#eeeeee";


/** The kind's name as its module gives it (a snapshot stores the kind as text). */
function kindName(kind: string): string {
  return kind in DOSSIER_KINDS ? DOSSIER_KINDS[kind as GuichetKind].labels.name : kind;
}

const integer = new Intl.NumberFormat("fr-FR");
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** "2,4 Mo (2 500 000 octets)": the exact size proves the file; the rounded one reads. */
export function formatFileSize(bytes: number): string {
  const exact = `${integer.format(bytes)} octet${bytes > 1 ? "s" : ""}`;
  if (bytes < 1024) return exact;
  const rounded = bytes < 1024 * 1024 ? `${decimal.format(bytes / 1024)} Ko` : `${decimal.format(bytes / (1024 * 1024))} Mo`;
  return `${rounded} (${exact})`;
}

/** « le 1 juin 2026 à 10:02 (heure de Paris) » */
export function formatTransmissionInstant(submittedAt: string): string {
  return `le ${formatParisInstant(new Date(submittedAt))} (heure de Paris)`;
}

/*
 * The snapshot's `data` is the draft as it was transmitted. It is read leniently:
 * a later change to the draft schemas must never make an old receipt say less.
 */
const flag = z.boolean().catch(false);
const text = z.string().catch("");
const snapshotDataSchema = z
  .object({
    deposit: z
      .object({ attestations: z.object({ targetsReached: flag, expensesTruthful: flag }).catch({ targetsReached: false, expensesTruthful: false }) })
      .nullish()
      .catch(null),
    candidature: z
      .object({
        projectTeam: z.record(z.string(), z.object({ name: text, email: text }).catch({ name: "", email: "" })).catch({}),
        ghtMandateKind: z.string().nullish().catch(null),
      })
      .nullish()
      .catch(null),
  })
  .catch({ deposit: null, candidature: null });

// headlineLevel 1: moved to the next page rather than left alone at the foot of one (see pageBreakBefore).
const sectionTitle = (title: string): Content => ({ text: title, style: "section", headlineLevel: 1 });
const headerCell = (label: string, alignment: "left" | "right" = "left"): TableCell => ({ text: label, bold: true, fillColor: HEADER_FILL, alignment });
const labelCell = (label: string): TableCell => ({ text: label, bold: true });
const amountCell = (cents: Cents | null, bold = false): TableCell => ({ text: cents === null ? "non renseigné" : formatEuros(cents), alignment: "right", bold, noWrap: cents !== null });

function labelValueTable(rows: readonly [string, string][]): Content {
  return {
    table: { widths: columnWidths(130, "rest"), dontBreakRows: true, body: rows.map(([label, value]) => [labelCell(label), { text: value }]) },
    layout: "lightHorizontalLines",
  };
}

function summaryTable(snapshot: DossierSnapshot): Content {
  const rows: [string, string][] = [
    ["Dossier n°", snapshot.dossierNumber],
    ["Guichet", `${snapshot.guichet.label} (${snapshot.guichet.code})`],
    ["Nature du dossier", `${kindName(snapshot.guichet.kind)} ${snapshot.guichet.year}`],
    ["Établissement porteur", `${snapshot.carrier.name} — FINESS EJ ${snapshot.carrier.finess}`],
    ["ARS destinataire", `ARS ${snapshot.carrier.regionName}`],
    ["Transmission n°", String(snapshot.sequence)],
    ["Date et heure", formatTransmissionInstant(snapshot.submittedAt)],
    ["Transmis par", `${snapshot.submittedBy.name} <${snapshot.submittedBy.email}>`],
  ];
  return labelValueTable(rows);
}

function legalEntitiesTable(snapshot: DossierSnapshot, withNru: boolean): Content {
  const header: TableCell[] = [headerCell("Entité juridique"), headerCell("FINESS EJ"), ...(withNru ? [headerCell("NRU de l'autoévaluation")] : [])];
  const body: TableCell[][] = snapshot.parts.map((part) => [
    { text: part.name },
    { text: part.legalEntityFiness, noWrap: true },
    ...(withNru ? [{ text: part.nru ?? "non renseigné" }] : []),
  ]);
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: withNru ? columnWidths("rest", 62, 140) : columnWidths("rest", 62), body: [header, ...body] },
    layout: "lightHorizontalLines",
  };
}

function attestationsTable(snapshot: DossierSnapshot, attestations: { targetsReached: boolean; expensesTruthful: boolean }): Content {
  const year = snapshot.guichet.year;
  const rows: [boolean, string][] = [
    [attestations.targetsReached, targetsAttestationText(year, snapshot.parts.length > 1)],
    [attestations.expensesTruthful, expensesAttestationText(year)],
  ];
  return {
    table: {
      widths: columnWidths(62, "rest"),
      dontBreakRows: true,
      body: rows.map(([ticked, wording]) => [{ text: ticked ? "Cochée" : "Non cochée", bold: true }, { text: `« ${wording} »` }]),
    },
    layout: "lightHorizontalLines",
  };
}

function objectivesText(part: DossierSnapshot["parts"][number]): string | null {
  if (part.mandatoryObjectiveMet === null && part.objectivesReached.length === 0) return null;
  const mandatory =
    part.mandatoryObjectiveMet === null ? "non renseigné" : part.mandatoryObjectiveMet ? "déclaré atteint" : "déclaré non atteint";
  const others = part.objectivesReached.length > 0 ? part.objectivesReached.join(", ") : "aucun";
  return `Objectif ${MANDATORY_OBJECTIVE.code} (obligatoire) : ${mandatory}. Autres objectifs déclarés atteints : ${others}.`;
}

function amountsBlocks(snapshot: DossierSnapshot): Content[] {
  return snapshot.parts.map((part) => {
    const declared = EXPENSE_CATEGORIES.map((category) => part.expenses[category] ?? null);
    const entered = declared.filter((amount): amount is Cents => amount !== null);
    const objectives = objectivesText(part);
    return {
      stack: [
        { text: `${part.name} — FINESS EJ ${part.legalEntityFiness}`, bold: true, margin: [0, 6, 0, 3] },
        {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: columnWidths("rest", 130),
            body: [
              [headerCell("Dépenses déclarées, par catégorie"), headerCell("Montant", "right")],
              ...EXPENSE_CATEGORIES.map((category, index): TableCell[] => [{ text: EXPENSE_CATEGORY_LABELS[category] }, amountCell(declared[index] ?? null)]),
              [labelCell("Total des dépenses déclarées"), amountCell(entered.length > 0 ? sumCents(entered) : null, true)],
              [labelCell("Montant demandé"), amountCell(part.requested, true)],
            ],
          },
          layout: "lightHorizontalLines",
        },
        ...(objectives ? [{ text: objectives, margin: [0, 3, 0, 0] } satisfies Content] : []),
      ],
      unbreakable: true,
    } satisfies Content;
  });
}

function candidatureBlocks(
  snapshot: DossierSnapshot,
  candidature: { projectTeam: Record<string, { name: string; email: string }>; ghtMandateKind?: string | null } | null,
): Content[] {
  const team = candidature?.projectTeam ?? {};
  const mandateKind = candidature?.ghtMandateKind ?? null;
  const blocks: Content[] = [
    sectionTitle("Équipe projet"),
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: columnWidths(130, 150, "rest"),
        body: [
          [headerCell("Rôle"), headerCell("Nom"), headerCell("Adresse e-mail")],
          ...PROJECT_TEAM_ROLES.map((role): TableCell[] => {
            const member = team[role.key];
            return [{ text: role.label }, { text: member?.name || "non renseigné" }, { text: member?.email || "non renseignée" }];
          }),
        ],
      },
      layout: "lightHorizontalLines",
    },
  ];
  // The support establishment's mandate (source 002, annex 4): said when declared, or missing from a GHT's candidature.
  if (mandateKind !== null || snapshot.parts.length > 1) {
    const mandate = mandateKind ? (GHT_MANDATE_KINDS.find((kind) => kind.key === mandateKind)?.label ?? mandateKind) : "aucun mandat GHT déclaré";
    blocks.push(sectionTitle("Mandat de l'établissement support du GHT"), { text: `Nature du mandat : ${mandate}.` });
  }
  return blocks;
}

function documentsTable(snapshot: DossierSnapshot): Content {
  if (snapshot.documents.length === 0) return { text: "Aucun document." };
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columnWidths(110, "rest"),
      body: [
        [headerCell("Pièce"), headerCell("Fichier, taille et empreinte SHA-256")],
        ...snapshot.documents.map((document): TableCell[] => [
          {
            stack: [
              { text: `${documentKindLabel(document.kind)}${document.objectiveCode ? ` ${document.objectiveCode}` : ""}` },
              ...(document.legalEntities.length > 0 ? [{ text: `EJ ${document.legalEntities.join(", ")}`, color: GREY_TEXT, fontSize: 8 }] : []),
            ],
          },
          {
            stack: [
              { text: document.name },
              { text: `Taille : ${formatFileSize(document.sizeBytes)}`, color: GREY_TEXT, fontSize: 8 },
              { text: [{ text: "SHA-256 : " }, { text: document.sha256, font: "DejaVuSansMono" }], color: GREY_TEXT, fontSize: 8 },
            ],
          },
        ]),
      ],
    },
    layout: "lightHorizontalLines",
  };
}

export function receiptDocumentDefinition(snapshot: DossierSnapshot): TDocumentDefinitions {
  const data = snapshotDataSchema.parse(snapshot.data ?? {});
  const isDeposit = snapshot.guichet.kind === "MILESTONE_DEPOSIT";
  const isProject = snapshot.guichet.kind === "PROJECT_CALL";
  const isCare = snapshot.guichet.kind === "CARE_RELEVE";
  // A CaRE relève goes to the ANS, nationally (source 003); every other dossier to the carrier's ARS.
  const recipient = isCare ? "l'ANS" : "l'ARS";
  const recipientNamed = isCare ? "l'ANS" : `l'ARS ${snapshot.carrier.regionName}`;
  const proofStep = snapshot.step === "proof";
  const title = `Récépissé ${snapshot.dossierNumber} — transmission ${snapshot.sequence}`;
  const submittedAt = new Date(snapshot.submittedAt);
  const what = proofStep ? `Les éléments de preuve du projet ${snapshot.dossierNumber} ont été transmis` : `Le dossier ${snapshot.dossierNumber} a été transmis`;
  const content: Content[] = [
    { text: isProject ? "Guichet HospiConnect — appel à projets HOP'EN2" : isCare ? "Guichet HospiConnect — programme HospiConnect / CaRE" : "Guichet HospiConnect — programme HospiConnect / HOP'EN2", color: BLUE_FRANCE, bold: true },
    { text: proofStep ? `Récépissé de transmission des éléments de preuve à ${recipient}` : `Récépissé de transmission à ${recipient}`, style: "title" },
    {
      text: `${what} à ${recipientNamed} ${formatTransmissionInstant(snapshot.submittedAt)}. Ce récépissé reprend ce qui a été transmis.`,
      margin: [0, 0, 0, 8],
    },
    summaryTable(snapshot),
  ];
  // A project's perimeter says which establishments it covers; the other kinds list their EJ.
  if (!isProject) content.push(sectionTitle(`Entités juridiques couvertes (${snapshot.parts.length})`), legalEntitiesTable(snapshot, isDeposit || isCare));
  if (isProject || isCare) {
    for (const section of isCare ? careReceiptSections(snapshot) : projectReceiptSections(snapshot.data, proofStep ? "proof" : "dossier")) {
      content.push(sectionTitle(section.title), section.rows.length === 0 ? { text: "Aucun." } : labelValueTable(section.rows));
    }
  } else if (isDeposit) {
    content.push(
      sectionTitle("Attestations"),
      attestationsTable(snapshot, data.deposit?.attestations ?? { targetsReached: false, expensesTruthful: false }),
      sectionTitle("Montants déclarés et demandés, par entité juridique"),
      ...amountsBlocks(snapshot),
    );
  } else if (snapshot.guichet.kind === "CANDIDATURE") {
    content.push(...candidatureBlocks(snapshot, data.candidature ?? null));
  }
  content.push(
    sectionTitle(`Documents transmis (${snapshot.documents.length})`),
    documentsTable(snapshot),
    {
      stack: [
        `Ce récépissé atteste la transmission du dossier à ${recipient} ; il ne vaut pas décision.`,
        "Les empreintes SHA-256 permettent de vérifier que chaque document est celui qui a été transmis.",
      ],
      fontSize: 8,
      color: GREY_TEXT,
      margin: [0, 14, 0, 0],
      unbreakable: true,
    },
  );
  return {
    pageSize: "A4",
    pageMargins: [48, 48, 48, 56],
    language: "fr-FR",
    info: {
      title,
      author: "Guichet HospiConnect",
      subject: `Récépissé de transmission du dossier ${snapshot.dossierNumber} à ${recipientNamed}`,
      creator: "Guichet HospiConnect",
      producer: "Guichet HospiConnect (pdfmake)",
      creationDate: submittedAt,
      modDate: submittedAt,
    },
    displayTitle: true,
    // A section title left alone at the foot of a page (its table or block moved on) goes with it.
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: "DejaVuSans", fontSize: 9, color: "#161616" },
    styles: {
      title: { fontSize: 17, bold: true, margin: [0, 6, 0, 8] },
      section: { fontSize: 11.5, bold: true, color: BLUE_FRANCE, margin: [0, 14, 0, 5] },
    },
    footer: (currentPage, pageCount) => ({
      text: `${title} — page ${currentPage} / ${pageCount}`,
      fontSize: 7.5,
      color: GREY_TEXT,
      margin: [48, 20, 48, 0],
    }),
    content,
  };
}

/**
 * The récépissé (PDF) of one submission, built only from its immutable
 * snapshot. The same snapshot always gives the same bytes.
 */
export async function renderReceiptPdf(snapshot: DossierSnapshot): Promise<Uint8Array> {
  configurePdfMake();
  const buffer = await pdfMake.createPdf(receiptDocumentDefinition(snapshot)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
