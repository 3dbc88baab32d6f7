/**
 * Where a dossier can be started, and what the page says otherwise (issue 9 §2.3).
 * Calendar of sources 000_1a898dec8b2a4de4.txt and 003_7e8834ec9bc46d44.txt: candidatures
 * until 13 February 2026 (instructed until 31 March), 2026 proofs from 4 May to 26 June.
 */
import { describe, expect, it } from "vitest";
import { DeadlinePassedError, InvalidStateError } from "@/lib/errors";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { startAvailability, startRefusalError, type StartFacts } from "@/lib/dossiers/start-availability";

const candidatureDates = { opensOn: "2026-01-15", closesOn: "2026-02-13", instructionEndsOn: "2026-03-31" };
const depositDates = { opensOn: "2026-05-04", closesOn: "2026-06-26", instructionEndsOn: "2026-09-15" };

function depositFacts(overrides: Partial<StartFacts> = {}): StartFacts {
  return {
    guichet: { id: "jalon-2026", label: "HospiConnect – Jalon juin 2026", programme: "HOSPICONNECT_HOPEN2", kind: "MILESTONE_DEPOSIT", year: 2026 },
    dates: depositDates,
    today: "2026-06-01",
    carrier: { finess: "998400402", name: "Centre hospitalier de Montbrasset", ght: null },
    existing: null,
    carried: [],
    candidature: { id: "c1", number: "HC-C2026-000001", status: "ACCEPTED" },
    candidatureGuichet: { id: "candidature-2026", label: "HospiConnect – Candidature HOP'EN2 2026", dates: candidatureDates },
    careEnvelopeHolders: [],
    ...overrides,
  };
}

function candidatureFacts(overrides: Partial<StartFacts> = {}): StartFacts {
  return depositFacts({
    guichet: { id: "candidature-2026", label: "HospiConnect – Candidature HOP'EN2 2026", programme: "HOSPICONNECT_HOPEN2", kind: "CANDIDATURE", year: 2026 },
    dates: candidatureDates,
    today: "2026-02-02",
    candidature: null,
    candidatureGuichet: null,
    ...overrides,
  });
}

const refusal = (facts: StartFacts) => {
  const result = startAvailability(facts);
  if (result.canStart) throw new Error("expected a refusal");
  return result;
};

describe("a dossier can be started", () => {
  it("a candidature while its guichet is open, opening and closing days included", () => {
    for (const today of ["2026-01-15", "2026-02-02", "2026-02-13"]) {
      expect(startAvailability(candidatureFacts({ today }))).toEqual({ canStart: true, kind: "CANDIDATURE" });
    }
  });

  it("a yearly deposit of an EJ whose candidature the ARS accepted, while the guichet is open", () => {
    for (const today of ["2026-05-04", "2026-06-01", "2026-06-26"]) {
      expect(startAvailability(depositFacts({ today }))).toEqual({ canStart: true, kind: "MILESTONE_DEPOSIT" });
    }
  });

  it("by a GHT support establishment for its GHT (source 000)", () => {
    const carrier = { finess: "998400105", name: "CH de Val-de-Morlière", ght: { name: "GHT Val-de-Morlière", supportFiness: "998400105", supportName: "CH de Val-de-Morlière" } };
    expect(startAvailability(depositFacts({ carrier })).canStart).toBe(true);
  });

  it("after the closing date when the EJ's dates are extended by a derogation (the facts carry the EJ's own dates)", () => {
    expect(startAvailability(depositFacts({ today: "2026-07-02", dates: { ...depositDates, closesOn: "2026-07-10" } })).canStart).toBe(true);
  });
});

describe("otherwise the page says why and what to do, and startDossier refuses with the same words", () => {
  it("a member EJ of a GHT: its support establishment applies and deposits for it (source 000)", () => {
    const carrier = { finess: "998400204", name: "CH de Saint-Évrard-les-Monts", ght: { name: "GHT Val-de-Morlière", supportFiness: "998400105", supportName: "CH de Val-de-Morlière" } };
    const result = refusal(depositFacts({ carrier }));
    expect(result.reason).toBe("NOT_CARRIER");
    expect(result.message).toBe(
      "CH de Saint-Évrard-les-Monts est membre du GHT Val-de-Morlière : c'est l'établissement support du GHT (CH de Val-de-Morlière) qui candidate et dépose pour elle.",
    );
    expect(startRefusalError(result)).toBeInstanceOf(InvalidStateError);
  });

  it("a guichet whose kind is not one of its programme's (a CaRE guichet set up as a HOP'EN2 deposit)", () => {
    const care = refusal(depositFacts({ guichet: { id: "care", label: "HospiConnect – CaRE – Relève 2026", programme: "HOSPICONNECT_CARE", kind: "MILESTONE_DEPOSIT", year: 2026 } }));
    expect(care.message).toBe("Le dépôt au guichet « HospiConnect – CaRE – Relève 2026 » n'est pas encore proposé sur ce portail.");
  });

  describe("HospiConnect/CaRE (source 003_7e8834ec9bc46d44.txt): « Du 15 juin au 15 juillet 2026 », one envelope per EJ", () => {
    const careGuichet = { id: "care-2026", label: "HospiConnect – CaRE – Relève 2026", programme: "HOSPICONNECT_CARE", kind: "CARE_RELEVE", year: 2026 } as const;
    const careFacts = (overrides: Partial<StartFacts> = {}) =>
      depositFacts({ guichet: careGuichet, dates: { opensOn: "2026-06-15", closesOn: "2026-07-15", instructionEndsOn: "2026-09-30" }, today: "2026-06-15", candidature: null, candidatureGuichet: null, careEnvelopeHolders: ["998400402"], ...overrides });

    it("starts for an EJ with an envelope, without a HOP'EN2 candidature, from the opening to the closing day", () => {
      for (const today of ["2026-06-15", "2026-07-15"]) expect(startAvailability(careFacts({ today }))).toEqual({ canStart: true, kind: "CARE_RELEVE" });
      expect(refusal(careFacts({ today: "2026-07-16" })).reason).toBe("GUICHET_CLOSED");
      expect(refusal(careFacts({ today: "2026-06-14" })).reason).toBe("GUICHET_UPCOMING");
    });

    it("refuses an EJ without an envelope, saying so", () => {
      const result = refusal(careFacts({ careEnvelopeHolders: [] }));
      expect(result.reason).toBe("NO_CARE_ENVELOPE");
      expect(result.message).toContain("Aucune enveloppe HospiConnect CaRE n'est publiée pour Centre hospitalier de Montbrasset");
    });

    it("a member of a GHT deposits through its support establishment", () => {
      const carrier = { finess: "998400402", name: "Centre hospitalier de Montbrasset", ght: { name: "GHT Val-de-Morlière", supportFiness: "998400105", supportName: "CH de Val-de-Morlière" } };
      expect(refusal(careFacts({ carrier })).reason).toBe("NOT_CARRIER");
    });
  });

  describe("AAP HOP'EN2 (source 001_56e3d9c199e9e209.txt): a porteur may carry several projects", () => {
    const aapGuichet = { id: "aap", label: "Appel à projets HOP'EN2 – 2026", programme: "AAP_HOPEN2", kind: "PROJECT_CALL", year: 2026 } as const;
    const aapFacts = (overrides: Partial<StartFacts> = {}) =>
      depositFacts({ guichet: aapGuichet, dates: { opensOn: "2026-04-01", closesOn: "2026-05-29", instructionEndsOn: "2026-07-31" }, today: "2026-05-04", candidature: null, candidatureGuichet: null, ...overrides });

    it("starts a second project beside an existing one, without any HospiConnect candidature", () => {
      expect(startAvailability(aapFacts({ existing: { id: "p1", number: "AAP2026-000001", status: "SUBMITTED" }, carried: [{ id: "p1", number: "AAP2026-000001", status: "SUBMITTED" }] }))).toEqual({ canStart: true, kind: "PROJECT_CALL" });
    });

    it("a public GHT member carries its own project (the GHT's validation is a document of the project)", () => {
      const carrier = { finess: "998400410", name: "CH de Saint-Évrard-les-Monts", ght: { name: "GHT Val-de-Morlière", supportFiness: "998400402", supportName: "CH de Val-de-Morlière" } };
      expect(startAvailability(aapFacts({ carrier })).canStart).toBe(true);
    });

    it("stops at five dossiers per porteur, pointing at the latest", () => {
      const result = refusal(aapFacts({ existing: { id: "p5", number: "AAP2026-000005", status: "DRAFT" }, carried: [1, 2, 3, 4, 5].map((n) => ({ id: `p${n}`, number: `AAP2026-00000${n}`, status: "DRAFT" as const })) }));
      expect(result.reason).toBe("TOO_MANY_PROJECTS");
      expect(result.remedy).toEqual({ label: "Reprendre le dossier n° AAP2026-000005", dossierId: "p5" });
    });

    it("only inside the AAP window (29 May 2026 is its last day)", () => {
      expect(startAvailability(aapFacts({ today: "2026-05-29" })).canStart).toBe(true);
      expect(refusal(aapFacts({ today: "2026-05-30" })).reason).toBe("GUICHET_CLOSED");
    });
  });

  it("a dossier exists already: resume it, whatever the guichet's phase", () => {
    for (const today of ["2026-06-01", "2026-07-01"]) {
      const result = refusal(depositFacts({ today, existing: { id: "d1", number: "HC-J2026-000042", status: "DRAFT" } }));
      expect(result.reason).toBe("DOSSIER_EXISTS");
      expect(result.message).toBe("Un dossier existe déjà pour Centre hospitalier de Montbrasset à ce guichet (dossier n° HC-J2026-000042) : reprenez-le.");
      expect(result.remedy).toEqual({ label: "Reprendre le dossier n° HC-J2026-000042", dossierId: "d1" });
    }
  });

  it("a guichet not open yet gives its opening day; a closed one its closing day (a DeadlinePassedError)", () => {
    const upcoming = refusal(depositFacts({ today: "2026-05-03" }));
    expect(upcoming.reason).toBe("GUICHET_UPCOMING");
    expect(upcoming.message).toBe("Le guichet « HospiConnect – Jalon juin 2026 » ouvre le 4 mai 2026.");
    const closed = refusal(depositFacts({ today: "2026-06-27" }));
    expect(closed.reason).toBe("GUICHET_CLOSED");
    expect(closed.message).toBe("Le guichet « HospiConnect – Jalon juin 2026 » est fermé aux dépôts depuis le 26 juin 2026 : il n'est plus possible d'y ouvrir un dossier.");
    expect(startRefusalError(upcoming)).toBeInstanceOf(DeadlinePassedError);
    expect(startRefusalError(closed)).toBeInstanceOf(DeadlinePassedError);
    expect(refusal(candidatureFacts({ today: "2026-02-14" })).reason).toBe("GUICHET_CLOSED");
  });

  it("never applied, candidatures open: « Candidatez d'abord » with the candidature guichet's dates", () => {
    // A deposit window overlapping the candidatures (a later cycle, or a derogation).
    const result = refusal(depositFacts({ today: "2026-05-10", candidature: null, candidatureGuichet: { id: "candidature-2026", label: "Candidature 2026", dates: { ...candidatureDates, closesOn: "2026-05-15" } } }));
    expect(result.reason).toBe("NO_CANDIDATURE");
    expect(result.message).toBe(
      "Candidatez d'abord au guichet « Candidature 2026 », ouvert du 15 janvier 2026 au 15 mai 2026 : le dépôt des preuves demande une candidature acceptée par l'ARS.",
    );
    expect(result.remedy).toEqual({ label: "Candidater", guichetId: "candidature-2026" });
  });

  it("never applied, candidatures closed: says so with their dates and sends to the ARS", () => {
    const result = refusal(depositFacts({ candidature: null }));
    expect(result.reason).toBe("NO_CANDIDATURE");
    expect(result.message).toBe(
      "Aucune candidature au dispositif HospiConnect/HOP'EN2 pour cet établissement : le dépôt des preuves demande une candidature acceptée par l'ARS, et le guichet « HospiConnect – Candidature HOP'EN2 2026 » n'a pris les candidatures que du 15 janvier 2026 au 13 février 2026. Contactez votre ARS.",
    );
    expect(result.remedy).toBeNull();
    expect(startRefusalError(result)).toBeInstanceOf(InvalidStateError);
  });

  it("never applied, no candidature guichet known, or candidatures not open yet", () => {
    expect(refusal(depositFacts({ candidature: null, candidatureGuichet: null })).message).toMatch(/^Aucune candidature au dispositif HospiConnect\/HOP'EN2/);
    const later = refusal(depositFacts({ candidature: null, candidatureGuichet: { id: "c27", label: "Candidature 2027", dates: { opensOn: "2026-06-15", closesOn: "2026-07-15", instructionEndsOn: "2026-08-31" } } }));
    expect(later.message).toBe("Le dépôt des preuves demande une candidature acceptée par l'ARS : le guichet « Candidature 2027 » ouvre le 15 juin 2026.");
  });

  const byStatus: [DossierStatus, string, RegExp, string][] = [
    ["DRAFT", "CANDIDATURE_NOT_SUBMITTED", /votre candidature \(dossier n° HC-C2026-000001\) n'a pas été transmise à l'ARS\.$/, "Reprendre la candidature"],
    ["SUBMITTED", "CANDIDATURE_UNDER_INSTRUCTION", /est en cours d'instruction\. Vous pourrez déposer les preuves dès son acceptation\.$/, "Voir la candidature"],
    ["CHANGES_REQUESTED", "CANDIDATURE_CHANGES_REQUESTED", /l'ARS a demandé un complément sur votre candidature \(dossier n° HC-C2026-000001\)\. Répondez-y/, "Répondre à l'ARS"],
    ["REFUSED", "CANDIDATURE_REFUSED", /^Votre candidature \(dossier n° HC-C2026-000001\) a été refusée par l'ARS : le dépôt des preuves n'est pas possible/, "Voir la décision"],
  ];
  for (const [status, reason, message, remedy] of byStatus) {
    it(`a candidature ${status}: no deposit before the ARS accepts it (sources 000, 001)`, () => {
      const result = refusal(depositFacts({ candidature: { id: "c1", number: "HC-C2026-000001", status } }));
      expect(result.reason).toBe(reason);
      expect(result.message).toMatch(message);
      expect(result.remedy).toEqual({ label: remedy, dossierId: "c1" });
    });
  }

  it("the candidature's state does not matter to the candidature guichet itself", () => {
    expect(startAvailability(candidatureFacts({ candidature: { id: "c1", number: "HC-C2026-000001", status: "REFUSED" } })).canStart).toBe(true);
  });
});
