/**
 * The dossier state machine, tried exhaustively: every status × event × role, every
 * status × phase. The expected table is written here independently of TRANSITIONS, from
 * the rules of sources 000 and 003: the establishment transmits (and transmits again after a
 * demande de complément), the ARS asks for changes, may withdraw an unanswered request,
 * accepts or refuses a transmitted dossier; a decision is final.
 */
import { describe, expect, it } from "vitest";
import type { DossierStatus, Role } from "@/lib/generated/prisma/enums";
import { deadlineAllows, isEditable, nextStatus, TRANSITIONS, DOSSIER_NEXT_STEP, DOSSIER_STATUS_LABELS, type DossierTransition } from "@/lib/dossiers/machine";
import type { GuichetPhase } from "@/lib/guichets/guichet-state";

const STATUSES: DossierStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "REFUSED"];
const EVENTS: DossierTransition[] = ["SUBMIT", "REQUEST_CHANGES", "WITHDRAW_CHANGE_REQUEST", "ACCEPT", "REFUSE"];
const ROLES: Role[] = ["ESTABLISHMENT_REFERENT", "ARS_INSTRUCTOR", "ANS_INSTRUCTOR", "DNS_ADMIN"];
const PHASES: GuichetPhase[] = ["upcoming", "open", "instruction", "finished"];

/** "from/event/role" → to. Anything absent must be refused. */
const ALLOWED: Record<string, DossierStatus> = {
  "DRAFT/SUBMIT/ESTABLISHMENT_REFERENT": "SUBMITTED",
  "CHANGES_REQUESTED/SUBMIT/ESTABLISHMENT_REFERENT": "SUBMITTED",
  "SUBMITTED/REQUEST_CHANGES/ARS_INSTRUCTOR": "CHANGES_REQUESTED",
  "CHANGES_REQUESTED/WITHDRAW_CHANGE_REQUEST/ARS_INSTRUCTOR": "SUBMITTED",
  "SUBMITTED/ACCEPT/ARS_INSTRUCTOR": "ACCEPTED",
  "SUBMITTED/REFUSE/ARS_INSTRUCTOR": "REFUSED",
  // The ANS instructs the CaRE relèves with the same steps (which dossier is whose: lib/dossiers/policy).
  "SUBMITTED/REQUEST_CHANGES/ANS_INSTRUCTOR": "CHANGES_REQUESTED",
  "CHANGES_REQUESTED/WITHDRAW_CHANGE_REQUEST/ANS_INSTRUCTOR": "SUBMITTED",
  "SUBMITTED/ACCEPT/ANS_INSTRUCTOR": "ACCEPTED",
  "SUBMITTED/REFUSE/ANS_INSTRUCTOR": "REFUSED",
};

describe("nextStatus: every status × event × role", () => {
  for (const from of STATUSES) {
    for (const event of EVENTS) {
      for (const role of ROLES) {
        const key = `${from}/${event}/${role}`;
        const expected = ALLOWED[key] ?? null;
        it(`${key} → ${expected ?? "refused"}`, () => {
          expect(nextStatus(from, event, role)).toBe(expected);
        });
      }
    }
  }

  it("the table holds exactly the allowed transitions, each once", () => {
    const keys = TRANSITIONS.map((rule) => `${rule.from}/${rule.event}/${rule.role}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it("a decision is final, and a DNS admin never moves a dossier", () => {
    for (const event of EVENTS) {
      for (const role of ROLES) {
        expect(nextStatus("ACCEPTED", event, role)).toBeNull();
        expect(nextStatus("REFUSED", event, role)).toBeNull();
      }
      for (const from of STATUSES) expect(nextStatus(from, event, "DNS_ADMIN")).toBeNull();
    }
  });
});

describe("isEditable: only what the establishment still has in hand", () => {
  const editable: Record<DossierStatus, boolean> = {
    DRAFT: true,
    CHANGES_REQUESTED: true,
    SUBMITTED: false,
    ACCEPTED: false,
    REFUSED: false,
    PROOF_SUBMITTED: false,
    PROOF_CHANGES_REQUESTED: false,
    OBJECTIVES_VALIDATED: false,
    OBJECTIVES_NOT_MET: false,
  };
  for (const status of STATUSES) {
    it(`${status} → ${editable[status]}`, () => expect(isEditable(status)).toBe(editable[status]));
  }
});

describe("deadlineAllows (source 000): a draft only while the guichet is open; the exchanges after a transmission until the end of instruction", () => {
  const expected = (status: DossierStatus, phase: GuichetPhase) => (status === "DRAFT" ? phase === "open" : phase === "open" || phase === "instruction");
  for (const status of STATUSES) {
    for (const phase of PHASES) {
      for (const action of [...EVENTS, "EDIT" as const]) {
        it(`${status} / ${action} / ${phase} → ${expected(status, phase)}`, () => {
          expect(deadlineAllows(status, action, phase)).toBe(expected(status, phase));
        });
      }
    }
  }
});

describe("every status has a French label and a next step", () => {
  for (const status of STATUSES) {
    it(status, () => {
      expect(DOSSIER_STATUS_LABELS[status]).toMatch(/^[A-ZÉ]/);
      expect(DOSSIER_NEXT_STEP[status].length).toBeGreaterThan(10);
    });
  }
});
