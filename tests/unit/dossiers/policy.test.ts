/**
 * The dossier access rules (lib/dossiers/policy), tried for every role × programme × status ×
 * carrier. The expected answers are written here from the rules of the issue, not from the code:
 * a referent reads its EJ's dossiers (drafts included); an ARS instructor reads and instructs the
 * transmitted dossiers of its region, never a CaRE relève; an ANS instructor reads and instructs
 * the transmitted CaRE relèves of every region, and nothing else; the DNS reads everything and
 * instructs nothing. No instructor ever sees a draft.
 */
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canEditDossier, canInstructDossier, canReadDossier, type DossierScope } from "@/lib/dossiers/policy";
import type { DossierStatus, Programme } from "@/lib/generated/prisma/enums";

const user = (overrides: Partial<CurrentUser>): CurrentUser => ({ id: "u", email: "u@test.fr", name: "U", role: "ESTABLISHMENT_REFERENT", regionCode: null, linkedLegalEntities: [], ...overrides });

const CARRIER_84 = { finess: "990000001", regionCode: "84", ghtSupportFiness: null };
const CARRIER_53 = { finess: "990000002", regionCode: "53", ghtSupportFiness: null };
const PROGRAMMES: Programme[] = ["HOSPICONNECT_HOPEN2", "AAP_HOPEN2", "HOSPICONNECT_CARE"];
const STATUSES: DossierStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "REFUSED", "PROOF_SUBMITTED", "PROOF_CHANGES_REQUESTED", "OBJECTIVES_VALIDATED", "OBJECTIVES_NOT_MET"];

const actors = {
  referent84: user({ linkedLegalEntities: [CARRIER_84.finess] }),
  ars84: user({ role: "ARS_INSTRUCTOR", regionCode: "84" }),
  ars53: user({ role: "ARS_INSTRUCTOR", regionCode: "53" }),
  arsWithoutRegion: user({ role: "ARS_INSTRUCTOR", regionCode: null }),
  ans: user({ role: "ANS_INSTRUCTOR" }),
  // A region or EJ links on an ANS account give it nothing more, nothing less.
  ansWithStrayRegion: user({ role: "ANS_INSTRUCTOR", regionCode: "84", linkedLegalEntities: [CARRIER_84.finess] }),
  dns: user({ role: "DNS_ADMIN" }),
} as const;

type Actor = keyof typeof actors;

/** The expected read rule for a dossier carried in region 84. */
function expectedRead(actor: Actor, programme: Programme, status: DossierStatus): boolean {
  const transmitted = status !== "DRAFT";
  const care = programme === "HOSPICONNECT_CARE";
  switch (actor) {
    case "referent84":
    case "dns":
      return true;
    case "ars84":
      return transmitted && !care;
    case "ars53":
    case "arsWithoutRegion":
      return false;
    case "ans":
    case "ansWithStrayRegion":
      return transmitted && care;
  }
}

function expectedInstruct(actor: Actor, programme: Programme, status: DossierStatus): boolean {
  return actor !== "referent84" && actor !== "dns" && expectedRead(actor, programme, status);
}

const cases = (Object.keys(actors) as Actor[]).flatMap((actor) => PROGRAMMES.flatMap((programme) => STATUSES.map((status) => [actor, programme, status] as const)));

describe("canReadDossier / canInstructDossier: every role × programme × status (carrier in region 84)", () => {
  it.each(cases)("%s, %s, %s", (actor, programme, status) => {
    const dossier: DossierScope = { carrier: CARRIER_84, programme, status };
    expect({ read: canReadDossier(actors[actor], dossier), instruct: canInstructDossier(actors[actor], dossier) }).toEqual({
      read: expectedRead(actor, programme, status),
      instruct: expectedInstruct(actor, programme, status),
    });
  });
});

describe("the region and the carrier", () => {
  it("an ANS instructor reads the CaRE relèves of every region; an ARS instructor only its own region's HOP'EN2 dossiers", () => {
    const care53: DossierScope = { carrier: CARRIER_53, programme: "HOSPICONNECT_CARE", status: "SUBMITTED" };
    const hopen53: DossierScope = { carrier: CARRIER_53, programme: "HOSPICONNECT_HOPEN2", status: "SUBMITTED" };
    expect(canInstructDossier(actors.ans, care53)).toBe(true);
    expect(canReadDossier(actors.ans, hopen53)).toBe(false);
    expect(canInstructDossier(actors.ars53, hopen53)).toBe(true);
    expect(canReadDossier(actors.ars53, care53)).toBe(false);
    expect(canReadDossier(actors.ars84, hopen53)).toBe(false);
    expect(canReadDossier(actors.referent84, hopen53)).toBe(false);
  });

  it("only a referent of the carrier edits, whatever the programme; never an instructor nor the DNS", () => {
    for (const programme of PROGRAMMES) {
      const draft: DossierScope = { carrier: CARRIER_84, programme, status: "DRAFT" };
      expect(canEditDossier(actors.referent84, draft)).toBe(true);
      for (const other of ["ars84", "ans", "dns"] as const) expect(canEditDossier(actors[other], draft)).toBe(false);
    }
  });
});
