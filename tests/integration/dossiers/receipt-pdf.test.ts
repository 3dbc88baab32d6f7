/**
 * The récépissé of a transmission, rendered for real (pdfmake, embedded fonts) and read back with
 * PDF.js: every fact it must prove is in its text, and no two of its text lines overlap
 * (issue 9 §2.4: a long region name used to wrap over the transmission number).
 */
import { createHash } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { expensesAttestationText, targetsAttestationText } from "@/lib/dossiers/attestation-wording";
import { formatFileSize, renderReceiptPdf } from "@/lib/dossiers/receipt-pdf";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { EXPENSE_CATEGORIES, formatEuros, sumCents, type Cents } from "@/lib/funding";
import { asReadByPdfJs, fontCharacters, overlappingBoxes, readPdfText, withoutWhitespace, type PdfText, type TextBox } from "../../support/pdf-text-layout";

const sha256 = (seed: string) => createHash("sha256").update(seed).digest("hex");

/** Exactly `length` characters, words and all, so the layout has to wrap it. */
const longName = (start: string, length: number) => `${start} ${"de la vallée de l'Arve et du Haut-Giffre ".repeat(10)}`.slice(0, length).trimEnd();

const REGION = longName("Auvergne-Rhône-Alpes et territoires associés", 200);
const FINESS = ["998400402", "998400410", "998400428"];

function part(finess: string, index: number, expenses: (Cents | null)[], requested: Cents | null): DossierSnapshot["parts"][number] {
  return {
    legalEntityFiness: finess,
    name: longName(`Centre hospitalier intercommunal n° ${index + 1}`, 200),
    headcount: 800 + index,
    nru: `IE-2026-${finess}-00000${index + 1}`,
    expenses: Object.fromEntries(EXPENSE_CATEGORIES.map((category, position) => [category, expenses[position] ?? null])),
    mandatoryObjectiveMet: null,
    objectivesReached: [],
    requested,
  };
}

function document(index: number, kind: string, name: string, legalEntities: string[]): DossierSnapshot["documents"][number] {
  return { id: `d${index}`, fileId: `f${index}`, kind, objectiveCode: null, name, sizeBytes: 1_234_567 + index * 1_001, sha256: sha256(`document ${index}`), mediaType: "application/pdf", legalEntities };
}

/** A GHT deposit: three EJ with 200-character names in a 200-character region, 36 documents with long file names. */
const ghtDeposit: DossierSnapshot = {
  dossierNumber: "HC-J2026-000042",
  guichet: { code: "HOPEN2-JALON-2026", label: "HospiConnect – Jalon juin 2026", year: 2026, kind: "MILESTONE_DEPOSIT" },
  carrier: { finess: FINESS[0]!, name: longName("Centre hospitalier intercommunal n° 1", 200), regionCode: "84", regionName: REGION },
  sequence: 2,
  submittedAt: "2026-06-01T08:02:00.000Z",
  submittedBy: { id: "u1", name: "Claire Rousseau-Delacroix de la Montagne", email: "claire.rousseau-delacroix@ch-intercommunal-vallee-arve-haut-giffre.fr" },
  fromVersion: 7,
  data: { deposit: { attestations: { targetsReached: true, expensesTruthful: true }, parts: [] } },
  parts: [
    part(FINESS[0]!, 0, [1_000_000, 1_500_000, 500_000], 3_000_000),
    part(FINESS[1]!, 1, [123_456_789_012, 0, 99], 2_505_000),
    part(FINESS[2]!, 2, [null, 7_777_777, null], null),
  ],
  documents: [
    document(0, "NOTE_DE_CADRAGE", `note-de-cadrage-GHT_${"Haute-Savoie_Vallee-de-l-Arve_".repeat(7)}version-finale-signee.pdf`, FINESS),
    ...FINESS.map((finess, index) => document(1 + index, "EXPENSE_ATTESTATION", `attestation_sur_l_honneur_des_depenses_engagees_signee_par_la_DAF_${finess}_${"x".repeat(120)}.pdf`, [finess])),
    ...Array.from({ length: 32 }, (_, index) => document(4 + index, "EXPENSE_ATTESTATION", `justificatif ${index + 1} – facture éditeur n° ${2026_000 + index}.pdf`, [FINESS[index % 3]!])),
  ],
};

/** A candidature of a GHT support: its project team and its mandate, no amounts. */
const ghtCandidature: DossierSnapshot = {
  ...ghtDeposit,
  dossierNumber: "HC-C2026-000007",
  guichet: { code: "HOPEN2-CANDIDATURE-2026", label: "HospiConnect – Candidature 2026", year: 2026, kind: "CANDIDATURE" },
  sequence: 1,
  submittedAt: "2026-02-13T22:59:00.000Z",
  data: {
    candidature: {
      projectTeam: {
        qualityLead: { name: "Nom qualité", email: "qualite@ch-test.fr" },
        businessRepresentative: { name: "Nom métier", email: "metier@ch-test.fr" },
        hrDirector: { name: "Nom DRH", email: "drh@ch-test.fr" },
        ciso: { name: "Nom RSSI", email: "rssi@ch-test.fr" },
        cio: { name: longName("Julien Moreau-Lefebvre", 120), email: "dsi@ch-test.fr" },
        programmeReferent: { name: "Nom référent", email: "referent@ch-test.fr" },
        signatory: { name: "Nom signataire", email: "signataire@ch-test.fr" },
      },
      ghtMandateKind: "COSTRAT_DECISION",
    },
  },
  parts: ghtDeposit.parts.map((entry) => ({ ...entry, nru: null, expenses: {}, requested: null })),
  documents: [document(0, "GHT_MANDATE", `decision-du-COSTRAT-${"GHT-Leman-Mont-Blanc-".repeat(8)}.pdf`, [FINESS[0]!])],
};

const A4 = { width: 595.28, height: 841.89, margin: 48 };

function expectNoOverlap(pdf: PdfText) {
  const overlaps = pdf.pages.flatMap((page) => overlappingBoxes(page.boxes));
  expect(overlaps.map(([first, second]) => `page ${first.page}: « ${first.text} » over « ${second.text} »`)).toEqual([]);
}

function expectInsideMargins(pdf: PdfText) {
  const outside = pdf.pages.flatMap((page) =>
    page.boxes.filter((box) => box.x0 < A4.margin - 0.5 || box.x1 > page.width - A4.margin + 0.5 || box.y0 < 0 || box.y1 > page.height).map((box) => `page ${box.page}: « ${box.text} »`),
  );
  expect(outside).toEqual([]);
}

function expectWrappedText(pdf: PdfText, expected: string) {
  expect(withoutWhitespace(pdf.text)).toContain(withoutWhitespace(expected));
}

describe("overlappingBoxes", () => {
  const box = (page: number, x0: number, y0: number, x1: number, y1: number, text = "texte"): TextBox => ({ page, text, x0, y0, x1, y1, baseline: y0 + 2 });

  it("finds two lines drawn over each other on one page", () => {
    const region = box(1, 50, 700, 400, 711, "Auvergne-Rhône-Alpes");
    const sequence = box(1, 50, 703, 200, 714, "Transmission n° 2");
    expect(overlappingBoxes([region, sequence])).toEqual([[region, sequence]]);
  });

  it("ignores boxes that only touch (adjacent words, stacked lines) or that are on different pages", () => {
    expect(overlappingBoxes([box(1, 50, 700, 100, 711), box(1, 100, 700, 150, 711), box(1, 50, 711, 100, 722), box(2, 50, 700, 100, 711)])).toEqual([]);
  });

  it("flags, read back from a real PDF, the hand-placed lines the old récépissé drew over each other", async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.drawText("ARS Auvergne-Rhone-Alpes et territoires (suite du nom)", { x: 50, y: 700, size: 10, font });
    page.drawText("Transmission n. 2, le 1 juin 2026", { x: 50, y: 703, size: 10, font });
    const read = await readPdfText(await pdf.save());
    expect(overlappingBoxes(read.pages[0]!.boxes).length).toBeGreaterThan(0);
  });
});

describe("récépissé PDF of a deposit", () => {
  // Rendered once, read back once: each test checks one thing the receipt must prove.
  let bytes: Uint8Array;
  let pdf: PdfText;
  beforeAll(async () => {
    bytes = await renderReceiptPdf(ghtDeposit);
    pdf = await readPdfText(bytes);
  });

  it("proves the dossier, guichet, EJ covered, ARS, Paris date and time, transmission number and who transmitted", async () => {
    expect(pdf.text).toContain("HC-J2026-000042");
    expect(pdf.text).toContain("HospiConnect – Jalon juin 2026");
    // 08:02 UTC on 1 June is 10:02 in Paris (summer time).
    expect(pdf.text).toContain("le 1 juin 2026 à 10:02 (heure de Paris)");
    expect(pdf.text).toMatch(/Transmission n°\s*2\n/);
    expectWrappedText(pdf, `Transmis par ${ghtDeposit.submittedBy.name} <${ghtDeposit.submittedBy.email}>`);
    expectWrappedText(pdf, `ARS ${REGION}`);
    for (const entry of ghtDeposit.parts) {
      expect(pdf.text).toContain(entry.legalEntityFiness);
      expectWrappedText(pdf, entry.name);
      expect(pdf.text).toContain(entry.nru!);
    }
  });

  it("repeats the attestations ticked in their wording (source 003_7e8834ec9bc46d44.txt, GHT variant for several EJ)", async () => {
    expectWrappedText(pdf, `Cochée « ${targetsAttestationText(2026, true)} »`);
    expectWrappedText(pdf, "J'atteste que tous les établissements juridiques (EJ) candidats ont atteint les cibles pour l'année 2026.");
    expectWrappedText(pdf, `Cochée « ${expensesAttestationText(2026)} »`);

    const single = { ...ghtDeposit, parts: ghtDeposit.parts.slice(0, 1), data: { deposit: { attestations: { targetsReached: true, expensesTruthful: false } } } };
    const alone = await readPdfText(await renderReceiptPdf(single));
    expectWrappedText(alone, "Cochée « J'atteste que mon établissement a atteint les cibles pour l'année 2026. »");
    expectWrappedText(alone, `Non cochée « ${expensesAttestationText(2026)} »`);
  });

  it("gives the amounts declared per expense category, their total and the amount requested, per EJ", async () => {
    const shows = (amount: Cents) => expect(pdf.text).toContain(asReadByPdfJs(formatEuros(amount)));
    shows(123_456_789_012);
    expect(pdf.text).toContain("1 234 567 890,12 €");
    for (const entry of ghtDeposit.parts) {
      const declared = Object.values(entry.expenses).filter((amount): amount is Cents => amount !== null);
      for (const amount of declared) shows(amount);
      shows(sumCents(declared));
      if (entry.requested !== null) expectWrappedText(pdf, `Montant demandé ${formatEuros(entry.requested)}`);
    }
    // The third EJ entered one category and no request: said, not shown as zero.
    expectWrappedText(pdf, "Montant demandé non renseigné");
  });

  it("draws the amounts as Intl fr-FR writes them: its font has the narrow no-break space, the accents, « », dashes and €", async () => {
    expect(formatEuros(123_456_789_012)).toBe("1\u202f234\u202f567\u202f890,12\u00a0€");
    const drawn = await fontCharacters(bytes);
    for (const character of "\u202f\u00a0€éèàôÉ«»–—") expect(drawn, `U+${character.codePointAt(0)!.toString(16)}`).toContain(character);
    // No glyph fell back to .notdef (it reads back as U+0000 or U+FFFD).
    expect(pdf.text).not.toMatch(/[\u0000\ufffd]/);
  });

  it("lists each document with its kind, name, size and SHA-256", async () => {
    expect(pdf.text).toContain(`Documents transmis (${ghtDeposit.documents.length})`);
    for (const entry of ghtDeposit.documents) {
      expect(pdf.text).toContain(entry.sha256);
      expectWrappedText(pdf, entry.name);
      expectWrappedText(pdf, `Taille : ${formatFileSize(entry.sizeBytes)}`);
    }
    expect(formatFileSize(1_234_567)).toBe("1,2 Mo (1\u202f234\u202f567 octets)");
    expect(pdf.text).toContain("Note de cadrage");
    expectWrappedText(pdf, "Attestation sur l'honneur des dépenses (DAF)");
  });

  it("spans several pages with no two text lines overlapping and nothing outside the margins", async () => {
    expect(pdf.pages.length).toBeGreaterThan(2);
    expect(pdf.pages.every((page) => Math.abs(page.width - A4.width) < 0.01 && Math.abs(page.height - A4.height) < 0.01)).toBe(true);
    expect(pdf.pages.at(-1)!.text).toContain(`page ${pdf.pages.length} / ${pdf.pages.length}`);
    expectNoOverlap(pdf);
    expectInsideMargins(pdf);
  });

  it("carries its metadata: title, language fr-FR, created at the submission instant", async () => {
    const { info } = pdf;
    expect(info.Title).toBe("Récépissé HC-J2026-000042 — transmission 2");
    expect(info.Language).toBe("fr-FR");
    expect(info.CreationDate).toBe("D:20260601080200Z");
  });

  it("is the same bytes every time for the same snapshot (it can be downloaded again)", async () => {
    const first = Buffer.from(bytes);
    const second = Buffer.from(await renderReceiptPdf(structuredClone(ghtDeposit)));
    expect(first.subarray(0, 5).toString()).toBe("%PDF-");
    expect(first.equals(second)).toBe(true);
  });
});

describe("récépissé PDF of a candidature", () => {
  it("shows the project team and the GHT mandate instead of amounts, laid out without overlap", async () => {
    const pdf = await readPdfText(await renderReceiptPdf(ghtCandidature));
    expect(pdf.text).toContain("HC-C2026-000007");
    // 22:59 UTC on 13 February is 23:59 in Paris (winter time).
    expect(pdf.text).toContain("le 13 février 2026 à 23:59 (heure de Paris)");
    expect(pdf.text).toContain("Équipe projet");
    expectWrappedText(pdf, "Responsable démarche qualité Nom qualité qualite@ch-test.fr");
    expectWrappedText(pdf, "Signataire Nom signataire signataire@ch-test.fr");
    expectWrappedText(pdf, longName("Julien Moreau-Lefebvre", 120));
    expect(pdf.text).toContain("Nature du mandat : Décision du COSTRAT du GHT.");
    expect(pdf.text).not.toContain("Montant demandé");
    expect(pdf.text).not.toContain("Attestations");
    for (const finess of FINESS) expect(pdf.text).toContain(finess);
    expect(pdf.text).toContain(ghtCandidature.documents[0]!.sha256);
    expectNoOverlap(pdf);
    expectInsideMargins(pdf);
  });

  it("says a missing team member, or a GHT's missing mandate, as such, even from data the current forms would not write", async () => {
    const pdf = await readPdfText(await renderReceiptPdf({ ...ghtCandidature, data: { candidature: { projectTeam: { cio: { name: 42 } }, ghtMandateKind: null } } }));
    expectWrappedText(pdf, "DSI non renseigné non renseignée");
    expect(pdf.text).toContain("Nature du mandat : aucun mandat GHT déclaré.");
  });

  it("leaves the GHT mandate out of a single EJ's candidature", async () => {
    const single = { ...ghtCandidature, parts: ghtCandidature.parts.slice(0, 1), documents: [], data: { candidature: { ...(ghtCandidature.data as { candidature: object }).candidature, ghtMandateKind: null } } };
    const pdf = await readPdfText(await renderReceiptPdf(single));
    expect(pdf.text).toContain("Équipe projet");
    expect(pdf.text).not.toContain("Mandat");
    expect(pdf.text).toContain("Aucun document.");
  });
});

describe("récépissé PDF of an AAP HOP'EN2 project (source 001_56e3d9c199e9e209.txt)", () => {
  const project: DossierSnapshot = {
    ...ghtCandidature,
    dossierNumber: "AAP2026-000012",
    guichet: { code: "AAP-HOPEN2-2026", label: "Appel à projets HOP'EN2 – 2026", year: 2026, kind: "PROJECT_CALL" },
    parts: [part(FINESS[0]!, 0, [null, null, null], null)],
    documents: [document(1, "PARTNER_COMMITMENT", "lettre-editeur.pdf", [FINESS[0]!])],
    data: {
      project: {
        porteurFinessPmsi: "998400402",
        perimeter: [
          { siteFiness: "998400410", legalEntityFiness: "998400402" },
          { siteFiness: "995300118", legalEntityFiness: "995300100" },
        ],
        theme: "RATTRAPAGE_MATURITE",
        objectives: [{ code: "RAT-1", description: "Connexion par e-CPS sur les postes partagés." }],
        responsible: { name: "Claire Dubois", email: "claire.dubois@ch-test.fr", profession: "DSI" },
        team: [{ name: "Paul Martin", email: "", profession: "Cadre de santé", coLead: true }],
        businessStakes: "Réduire le temps de connexion.",
        operationalObjectives: "Moins de 10 secondes.",
        siWorkstreams: "Annuaire et fédération d'identités.",
        targets: [{ id: "t-1", kind: "QUANTITATIVE", description: "90 % des soignants par e-CPS" }],
        forecastExpenses: { "2026": 3_000_000, "2027": 2_000_050 },
        industrialPartners: [{ id: "p-1", name: "Éditeur Alpha" }],
      },
      proof: { targets: [{ targetId: "t-1", reached: true, comment: "Tableau de bord de mai 2027." }] },
    },
  };

  it("says what the project transmitted: porteur, theme and objectives, team, forecasts, perimeter, targets — not the HospiConnect amounts", async () => {
    const pdf = await readPdfText(await renderReceiptPdf(project));
    expect(pdf.text).toContain("Le dossier AAP2026-000012 a été transmis");
    expectWrappedText(pdf, "Thématique Rattrapage de la maturité numérique des établissements");
    expectWrappedText(pdf, "Dépenses prévisionnelles 2027 20\u202f000,50\u00a0€");
    expectWrappedText(pdf, "EG n° 2 FINESS EG 995300118 — FINESS EJ 995300100");
    expectWrappedText(pdf, "Cible n° 1 (cible quantitative) 90 % des soignants par e-CPS");
    expectWrappedText(pdf, "Lettre d'engagement d'un partenaire industriel");
    expect(pdf.text).not.toContain("Montant demandé");
    expect(pdf.text).not.toContain("Preuves d'atteinte des cibles");
    expectNoOverlap(pdf);
    expectInsideMargins(pdf);
  });

  it("for the June-2027 transmission, names the proofs and each target's outcome", async () => {
    const pdf = await readPdfText(await renderReceiptPdf({ ...project, sequence: 2, step: "proof" }));
    expectWrappedText(pdf, "Récépissé de transmission des éléments de preuve à l'ARS");
    expectWrappedText(pdf, "Les éléments de preuve du projet AAP2026-000012 ont été transmis");
    expectWrappedText(pdf, "Cible n° 1 atteinte — Tableau de bord de mai 2027.");
  });
});

describe("récépissé PDF of a CaRE relève (source 003_7e8834ec9bc46d44.txt, « HospiConnect – CaRE – Relève 2026 »)", () => {
  const care: DossierSnapshot = {
    ...ghtDeposit,
    dossierNumber: "HC-CARE2026-000051",
    guichet: { code: "CARE-RELEVE-2026", label: "HospiConnect – CaRE – Relève 2026", year: 2026, kind: "CARE_RELEVE" },
    parts: [part(FINESS[0]!, 0, [null, 3_000_000, null], 2_500_000)],
    data: {
      care: {
        targetsReached: true,
        parts: [{ legalEntityFiness: FINESS[0]!, nru: "IE-2026-998400402-000001", requested: 2_500_000 }],
        expenses: [
          { id: "l1", legalEntityFiness: FINESS[0]!, category: "prestations_externes", description: "Lecteurs de cartes CPS", supplier: "Société Lecteurs Santé", invoiceNumber: "F-2026-0042", invoiceDate: "2026-03-12", amount: 3_000_000 },
        ],
        precisions: "Déploiement sur les trois sites.",
      },
    },
    documents: [document(0, "NOTE_DE_CADRAGE", "note-de-cadrage.pdf", [FINESS[0]!]), document(1, "CARE_FINANCIAL_STATEMENT", "trame-financiere-signee.pdf", [FINESS[0]!])],
  };

  it("is addressed to the ANS, and repeats the attestation, each expense, the eligible total, the amount asked and the précisions", async () => {
    const pdf = await readPdfText(await renderReceiptPdf(care));
    expect(pdf.text).toContain("Guichet HospiConnect — programme HospiConnect / CaRE");
    expect(pdf.text).toContain("Récépissé de transmission à l'ANS");
    expect(pdf.text).not.toContain("l'ARS");
    expectWrappedText(pdf, "J'atteste que mon établissement a atteint les cibles pour l'année 2026.");
    expectWrappedText(pdf, "Lecteurs de cartes CPS — Société Lecteurs Santé, facture F-2026-0042 du 12 mars 2026");
    expect(pdf.text).toContain(asReadByPdfJs(formatEuros(3_000_000)));
    expect(pdf.text).toContain(asReadByPdfJs(formatEuros(2_500_000)));
    expect(pdf.text).toContain("IE-2026-998400402-000001");
    expectWrappedText(pdf, "Déploiement sur les trois sites.");
    expectWrappedText(pdf, "Trame financière et pièces justificatives des dépenses engagées");
    expectNoOverlap(pdf);
    expectInsideMargins(pdf);
  });
});
