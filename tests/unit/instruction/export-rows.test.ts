import { describe, expect, it } from "vitest";
import { buildExportRecords, csvEuros, csvHeaderLine, csvLine, EXPORT_COLUMNS, safeText, xlsxValues, type ExportDossierInput } from "@/lib/instruction/export-rows";
import { EJ_A, EJ_B, part, snapshot } from "./snapshot-fixture";

const validated = { nru: "IE-2026-000001", legalEntityFiness: EJ_A, status: "VALIDATED" as const, validatedOn: "2026-05-15" };

function deposit(overrides: Partial<ExportDossierInput> = {}): ExportDossierInput {
  return {
    number: "HC-J2026-000042",
    guichet: { code: "HOPEN2-JALON-2026", label: "HospiConnect – Jalon juin 2026", kind: "MILESTONE_DEPOSIT", year: 2026 },
    status: "SUBMITTED",
    submittedAt: new Date("2026-06-01T08:00:00Z"),
    decidedAt: null,
    carrierFiness: EJ_A,
    parts: [{ finess: EJ_A, name: "Centre hospitalier A", ghtName: null, decided: null }],
    snapshot: snapshot(),
    assessments: [validated],
    ...overrides,
  };
}

describe("buildExportRecords", () => {
  it("2026 deposit of an EJ of 800 agents: ceiling 39 050 € (source 000), eligible 100 % with the milestone, capped at the 30 000 € declared", () => {
    const [record] = buildExportRecords([deposit()]);
    expect(record).toEqual({
      finess: EJ_A,
      name: "Centre hospitalier A",
      ght: "",
      carrierFiness: EJ_A,
      number: "HC-J2026-000042",
      guichet: "HospiConnect – Jalon juin 2026",
      status: "Transmis à l'ARS",
      submittedOn: "2026-06-01",
      decidedOn: null,
      headcount: 800,
      ceiling: 3_905_000,
      expensesInternalHr: 1_000_000,
      expensesExternal: 1_500_000,
      expensesPublisher: 500_000,
      requested: 3_000_000,
      eligible: 3_905_000,
      capped: 3_000_000,
      decided: null,
      partialAwardReason: "",
    });
  });

  it("2026: an NRU validated before 1 January of the year does not complete the milestone: eligible 0", () => {
    const [record] = buildExportRecords([deposit({ assessments: [{ ...validated, validatedOn: "2025-12-20" }] })]);
    expect(record).toMatchObject({ ceiling: 3_905_000, eligible: 0, capped: 0 });
  });

  it("2026: no note de cadrage transmitted: eligible 0", () => {
    const sent = snapshot();
    const [record] = buildExportRecords([deposit({ snapshot: { ...sent, documents: sent.documents.filter((document) => document.kind !== "NOTE_DE_CADRAGE") } })]);
    expect(record).toMatchObject({ eligible: 0, capped: 0 });
  });

  it("2027: objective 1.0 met and 3 objectives reached: 64 % of 39 050 € = 24 992 € (source 000)", () => {
    const sent = snapshot({ guichet: { code: "J27", label: "Jalon 2027", year: 2027, kind: "MILESTONE_DEPOSIT" }, parts: [part({ mandatoryObjectiveMet: true, objectivesReached: ["1.1", "1.2", "2.1"] })] });
    const [record] = buildExportRecords([deposit({ guichet: { code: "J27", label: "Jalon 2027", kind: "MILESTONE_DEPOSIT", year: 2027 }, snapshot: sent })]);
    expect(record).toMatchObject({ eligible: 2_499_200, capped: 2_499_200 });
  });

  it("the transmitted values, not the live ones; the decided amount and decision date from the dossier", () => {
    const [record] = buildExportRecords([
      deposit({ status: "ACCEPTED", decidedAt: new Date("2026-07-01T22:30:00Z"), parts: [{ finess: EJ_A, name: "Centre hospitalier A", ghtName: null, decided: 2_500_000 }] }),
    ]);
    // 22:30 UTC on 1 July is 2 July in Paris.
    expect(record).toMatchObject({ status: "Accepté", decidedOn: "2026-07-02", decided: 2_500_000, requested: 3_000_000 });
    const [partial] = buildExportRecords([
      deposit({ status: "ACCEPTED", decidedAt: new Date("2026-07-01T22:30:00Z"), parts: [{ finess: EJ_A, name: "Centre hospitalier A", ghtName: null, decided: 2_500_000, partialAwardReason: "Facture manquante." }] }),
    ]);
    expect(partial?.partialAwardReason).toBe("Facture manquante.");
  });

  it("one row per EJ of a GHT dossier, each with its own figures, and the carrier FINESS on every row", () => {
    const sent = snapshot({ parts: [part(), part({ legalEntityFiness: EJ_B, name: "EJ B", headcount: 40, nru: null, requested: 0 })] });
    const records = buildExportRecords([
      deposit({
        snapshot: sent,
        parts: [
          { finess: EJ_A, name: "Centre hospitalier A", ghtName: "GHT Loire", decided: null },
          { finess: EJ_B, name: "EJ B", ghtName: "GHT Loire", decided: null },
        ],
      }),
    ]);
    expect(records.map((record) => [record.finess, record.carrierFiness, record.ght, record.ceiling, record.eligible])).toEqual([
      [EJ_A, EJ_A, "GHT Loire", 3_905_000, 3_905_000],
      [EJ_B, EJ_A, "GHT Loire", 660_000, 0], // 40 agents: fixed 6 600 €; no NRU: milestone incomplete
    ]);
  });

  it("a candidature: ceiling only, no eligible amount; the seed's empty expenses read as blanks", () => {
    const sent = snapshot({ guichet: { code: "C26", label: "Candidature 2026", year: 2026, kind: "CANDIDATURE" }, parts: [part({ expenses: {}, nru: null, requested: null })], documents: [] });
    const [record] = buildExportRecords([deposit({ guichet: { code: "C26", label: "Candidature 2026", kind: "CANDIDATURE", year: 2026 }, snapshot: sent })]);
    expect(record).toMatchObject({ ceiling: 3_905_000, eligible: null, capped: null, expensesInternalHr: null, requested: null });
  });
});

describe("CSV", () => {
  it("French headers separated by ';', CRLF", () => {
    const header = csvHeaderLine();
    expect(header.endsWith("\r\n")).toBe(true);
    expect(header.split(";")).toHaveLength(EXPORT_COLUMNS.length);
    expect(header).toContain("FINESS EJ;Raison sociale EJ;GHT;FINESS EJ porteur du dossier;N° de dossier;Guichet;Statut;Date de transmission;Date de décision;Effectif SAE;");
    expect(header).toContain("Montant demandé (€);Montant éligible de l'année, ou dépenses éligibles CaRE (€);Montant maximal accordable (€);Montant décidé (€)");
  });

  it("amounts in euros with a comma, dates DD/MM/YYYY, blanks for missing values", () => {
    const [record] = buildExportRecords([deposit()]);
    expect(csvLine(record!)).toBe(
      `${EJ_A};Centre hospitalier A;;${EJ_A};HC-J2026-000042;HospiConnect – Jalon juin 2026;Transmis à l'ARS;01/06/2026;;800;39050,00;10000,00;15000,00;5000,00;30000,00;39050,00;30000,00;;\r\n`,
    );
  });

  it("euros are exact to the cent", () => {
    expect(csvEuros(0)).toBe("0,00");
    expect(csvEuros(5)).toBe("0,05");
    expect(csvEuros(123_456_789)).toBe("1234567,89");
  });

  it("quotes a text with ';' or '\"', and neutralises a formula", () => {
    const [record] = buildExportRecords([deposit({ parts: [{ finess: EJ_A, name: '=HYPERLINK("x";"y")', ghtName: "GHT; Nord", decided: null }] })]);
    const cells = csvLine(record!);
    expect(cells).toContain(`;"'=HYPERLINK(""x"";""y"")";"GHT; Nord";`);
    expect(safeText("-1+1")).toBe("'-1+1");
    expect(safeText("Centre hospitalier")).toBe("Centre hospitalier");
  });
});

describe("XLSX values", () => {
  it("euros as numbers, dates as dates, blanks as null", () => {
    const [record] = buildExportRecords([deposit()]);
    const values = xlsxValues(record!);
    const at = (key: string) => values[EXPORT_COLUMNS.findIndex((column) => column.key === key)];
    expect(at("ceiling")).toBe(39_050);
    expect(at("expensesInternalHr")).toBe(10_000);
    expect(at("submittedOn")).toEqual(new Date("2026-06-01T00:00:00Z"));
    expect(at("decidedOn")).toBeNull();
    expect(at("headcount")).toBe(800);
  });
});
