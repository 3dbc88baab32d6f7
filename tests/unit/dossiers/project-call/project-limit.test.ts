import { describe, expect, it } from "vitest";
import { COUNTED_PROJECT_STATUSES, MAX_PROJECTS_PER_FINESS_PMSI, perimeterFinessPmsi, projectLimitOffences } from "@/lib/dossiers/kinds/project-call/project-limit";

// source 001: « Un établissement (FINESS PMSI) ne peut pas candidater, en tant que porteur de projet ou partie prenante, à plus de deux projets. »
describe("at most 2 projects per FINESS PMSI (source 001)", () => {
  it("the limit is 2, counted over transmitted projects that are not refused", () => {
    expect(MAX_PROJECTS_PER_FINESS_PMSI).toBe(2);
    expect(COUNTED_PROJECT_STATUSES).toEqual(["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED"]);
  });

  it.each([
    [0, false],
    [1, false],
    [2, true], // this project would be the third
    [5, true],
  ])("%i other project(s) → offending: %s", (others, offending) => {
    const offences = projectLimitOffences({ finessPmsi: ["998400700"], otherProjectCounts: { "998400700": others } });
    expect(offences.length === 1).toBe(offending);
  });

  it("a party counts as much as the porteur, and every offending FINESS PMSI is listed with a French message", () => {
    const offences = projectLimitOffences({
      finessPmsi: ["998400700", "998400801", "998400900"],
      otherProjectCounts: { "998400700": 1, "998400801": 2, "998400900": 2 },
      names: { "998400801": "Clinique des Tilleuls" },
    });
    expect(offences.map((offence) => [offence.finessPmsi, offence.otherProjects])).toEqual([
      ["998400801", 2],
      ["998400900", 2],
    ]);
    expect(offences[0]?.message).toBe(
      "Clinique des Tilleuls (FINESS PMSI 998400801) participe déjà à 2 projets transmis sur cet appel à projets, comme porteur ou partie prenante : un établissement ne peut candidater à plus de 2 projets.",
    );
    expect(offences[1]?.message).toMatch(/^L'établissement de FINESS PMSI 998400900 participe déjà à 2 projets/);
  });

  it("a FINESS PMSI listed twice in the perimeter counts this project once", () => {
    expect(projectLimitOffences({ finessPmsi: ["998400700", "998400700"], otherProjectCounts: { "998400700": 1 } })).toEqual([]);
  });

  it("a FINESS PMSI with no other project is absent from the counts", () => {
    expect(projectLimitOffences({ finessPmsi: ["998400700"], otherProjectCounts: {} })).toEqual([]);
  });

  it("refuses a count that is not a whole number ≥ 0 (a bug upstream, not a rule)", () => {
    expect(() => projectLimitOffences({ finessPmsi: ["998400700"], otherProjectCounts: { "998400700": -1 } })).toThrow(RangeError);
    expect(() => projectLimitOffences({ finessPmsi: ["998400700"], otherProjectCounts: { "998400700": 1.5 } })).toThrow(RangeError);
  });
});

describe("the FINESS PMSI of a perimeter (source 002 annex 2)", () => {
  it("a public EJ counts once for all its EG; a private EG counts on its own; a private dialysis centre by its EJ", () => {
    expect(
      perimeterFinessPmsi([
        { siteFiness: "998400402", legalEntityFiness: "998400700", legalStatus: "public", isDialysisCentre: false },
        { siteFiness: "998400403", legalEntityFiness: "998400700", legalStatus: "public", isDialysisCentre: false },
        { siteFiness: "998500101", legalEntityFiness: "998500100", legalStatus: "private_for_profit", isDialysisCentre: false },
        { siteFiness: "998500102", legalEntityFiness: "998500100", legalStatus: "private_non_profit", isDialysisCentre: false },
        { siteFiness: "998600201", legalEntityFiness: "998600200", legalStatus: "private_for_profit", isDialysisCentre: true },
      ]),
    ).toEqual(["998400700", "998500101", "998500102", "998600200"]);
  });

  it("an invalid FINESS is refused rather than counted", () => {
    expect(() => perimeterFinessPmsi([{ siteFiness: "12345", legalEntityFiness: "998400700", legalStatus: "public", isDialysisCentre: false }])).toThrow();
  });
});
