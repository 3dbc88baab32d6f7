/** The DNS's guichet form: an AAP guichet carries its proof window (source 001: « 30 juin – fin du dépôt des éléments de preuves »). */
import { describe, expect, it } from "vitest";
import { guichetInputSchema } from "@/lib/guichets/admin";

const aap = { code: "AAP-HOPEN2-2026", programme: "AAP_HOPEN2", kind: "PROJECT_CALL", year: 2026, label: "Appel à projets HOP'EN2 – 2026", opensOn: "2026-04-01", closesOn: "2026-05-29", instructionEndsOn: "2026-07-31" } as const;

const messages = (input: unknown) => {
  const parsed = guichetInputSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the proof window of an AAP guichet", () => {
  it("is required for an AAP guichet, and only there", () => {
    expect(messages(aap)).toEqual({
      proofOpensOn: "Indiquez l'ouverture du dépôt des preuves des projets retenus.",
      proofClosesOn: "Indiquez la clôture du dépôt des preuves des projets retenus.",
    });
    expect(messages({ ...aap, programme: "HOSPICONNECT_HOPEN2", kind: "MILESTONE_DEPOSIT" })).toEqual({});
  });

  it("opens after the candidatures close and closes after it opens", () => {
    expect(messages({ ...aap, proofOpensOn: "2027-05-03", proofClosesOn: "2027-06-30" })).toEqual({});
    expect(messages({ ...aap, proofOpensOn: "2026-05-29", proofClosesOn: "2027-06-30" })).toEqual({ proofOpensOn: "Le dépôt des preuves ouvre après la clôture des candidatures." });
    expect(messages({ ...aap, proofOpensOn: "2027-05-03", proofClosesOn: "2027-05-02" })).toEqual({ proofClosesOn: "La clôture du dépôt des preuves doit suivre son ouverture." });
    expect(messages({ ...aap, proofOpensOn: "2027-02-30", proofClosesOn: "2027-06-30" })).toEqual({ proofOpensOn: "Cette date n'existe pas." });
  });
});
