import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { buildInstructionModel, instructionDaysLeft, readChangeRequestPoints } from "@/lib/instruction/instruction-model";
import { transmittedParts } from "@/lib/instruction/transmitted";
import { EJ_A, snapshot } from "./snapshot-fixture";

describe("instructionDaysLeft", () => {
  it("counts today; the end day is the last (1); 0 once over", () => {
    expect(instructionDaysLeft("2026-09-15", "2026-09-01")).toBe(15);
    expect(instructionDaysLeft("2026-09-15", "2026-09-15")).toBe(1);
    expect(instructionDaysLeft("2026-09-15", "2026-09-16")).toBe(0);
    expect(instructionDaysLeft("2026-09-15", "2027-01-01")).toBe(0);
  });
});

describe("readChangeRequestPoints", () => {
  it("keeps the well-formed points, skips the others", () => {
    expect(
      readChangeRequestPoints([
        { key: `parts.${EJ_A}.nru`, label: "NRU", reason: "OUTDATED", comment: "Autoévaluation de 2025" },
        { key: "x", label: "y", reason: "UNKNOWN" },
        "nonsense",
      ]),
    ).toEqual([{ key: `parts.${EJ_A}.nru`, label: "NRU", reason: "OUTDATED", comment: "Autoévaluation de 2025" }]);
    expect(readChangeRequestPoints(null)).toEqual([]);
  });
});

describe("buildInstructionModel", () => {
  const instructor = (regionCode: string): CurrentUser => ({ id: "i", email: "i@ars.fr", name: "I", role: "ARS_INSTRUCTOR", regionCode, linkedLegalEntities: [] });
  const row = (status: "SUBMITTED" | "CHANGES_REQUESTED" | "ACCEPTED", programme: "HOSPICONNECT_HOPEN2" | "HOSPICONNECT_CARE" = "HOSPICONNECT_HOPEN2") => ({
    id: "d1",
    number: "HC-J2026-000042",
    status,
    version: 4,
    carrier: { finess: EJ_A, regionCode: "84", ght: null },
    guichet: {
      programme,
      kind: "MILESTONE_DEPOSIT" as const,
      label: "Jalon 2026",
      opensOn: new Date("2026-05-04T00:00:00Z"),
      closesOn: new Date("2026-06-26T00:00:00Z"),
      instructionEndsOn: new Date("2026-09-15T00:00:00Z"),
    },
    legalEntities: [{ legalEntityFiness: EJ_A, legalEntity: { name: "CH A" }, decidedCents: null }],
  });
  const transmitted = transmittedParts(snapshot(), { kind: "MILESTONE_DEPOSIT", year: 2026 }, [
    { nru: "IE-2026-000001", legalEntityFiness: EJ_A, status: "VALIDATED", validatedOn: "2026-05-15" },
  ]);
  // The builder reads only these fields of the dossier row.
  const build = (status: "SUBMITTED" | "CHANGES_REQUESTED" | "ACCEPTED", user: CurrentUser, at: string) =>
    buildInstructionModel(row(status) as unknown as Parameters<typeof buildInstructionModel>[0], { user, at: new Date(at), transmitted, openChangeRequest: null });

  it("2028 (source 000's carry-over): the objectives to validate, what the ARS validated in 2027, and what is not declared again", () => {
    const row2028 = { ...row("SUBMITTED"), guichet: { ...row("SUBMITTED").guichet, year: 2028, label: "Jalon 2028", instructionEndsOn: new Date("2028-09-15T00:00:00Z") } };
    const declared = transmitted.map((part) => ({ ...part, mandatoryObjectiveMet: true, objectivesReached: ["1.3"] }));
    const model = buildInstructionModel(row2028 as unknown as Parameters<typeof buildInstructionModel>[0], {
      user: instructor("84"),
      at: new Date("2028-07-01T10:00:00Z"),
      transmitted: declared,
      openChangeRequest: null,
      previousValidated: new Map([[EJ_A, ["1.0", "1.1", "1.3"]]]),
    });
    expect(model.parts[0]?.objectiveReview).toMatchObject({ year: 2028, previousValidated: ["1.0", "1.1", "1.3"], notDeclaredAgain: ["1.1"] });
    expect(model.parts[0]?.objectiveReview?.declared.map((objective) => objective.code)).toEqual(["1.0", "1.3"]);
    expect(model.withAmounts).toBe(true);
  });

  it("an instructor of the region may act on a transmitted dossier until the end of instruction", () => {
    const model = build("SUBMITTED", instructor("84"), "2026-07-01T10:00:00Z");
    expect(model).toMatchObject({ dossierId: "d1", version: 4, canAct: true, instructionEndsOn: "2026-09-15", daysLeft: 77 });
    expect(model.parts).toEqual([{ finess: EJ_A, name: "CH A", capped: 3_000_000, requested: 3_000_000, decided: null, objectiveReview: null }]);
  });

  it("no action for another region, a decided dossier, or after the end of instruction (Paris day)", () => {
    expect(build("SUBMITTED", instructor("53"), "2026-07-01T10:00:00Z").canAct).toBe(false);
    expect(build("ACCEPTED", instructor("84"), "2026-07-01T10:00:00Z").canAct).toBe(false);
    expect(build("CHANGES_REQUESTED", instructor("84"), "2026-09-15T21:00:00Z").canAct).toBe(true); // 23:00 in Paris, last day
    expect(build("SUBMITTED", instructor("84"), "2026-09-15T22:30:00Z").canAct).toBe(false); // 16 September in Paris
  });

  it("a CaRE relève: the ANS may act on it, the ARS of its region may not; the ANS may not act on a HOP'EN2 dossier", () => {
    const ans: CurrentUser = { id: "n", email: "n@esante.gouv.fr", name: "N", role: "ANS_INSTRUCTOR", regionCode: null, linkedLegalEntities: [] };
    const care = row("SUBMITTED", "HOSPICONNECT_CARE") as unknown as Parameters<typeof buildInstructionModel>[0];
    const at = new Date("2026-07-01T10:00:00Z");
    expect(buildInstructionModel(care, { user: ans, at, transmitted, openChangeRequest: null }).canAct).toBe(true);
    expect(buildInstructionModel(care, { user: instructor("84"), at, transmitted, openChangeRequest: null }).canAct).toBe(false);
    expect(build("SUBMITTED", ans, "2026-07-01T10:00:00Z").canAct).toBe(false);
  });
});
