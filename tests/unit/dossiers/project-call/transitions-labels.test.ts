import { describe, expect, it } from "vitest";
import {
  PROJECT_CALL_KIND_LABEL,
  PROJECT_CALL_NEXT_STEP,
  PROJECT_CALL_STATUS_LABELS,
  projectCallNumberPrefix,
} from "@/lib/dossiers/kinds/project-call/labels";
import {
  PROJECT_CALL_EXTRA_EVENTS,
  PROJECT_CALL_EXTRA_STATUSES,
  PROJECT_CALL_TRANSITIONS,
  isProofEditable,
  projectCallNextStatus,
  type ProjectCallEvent,
  type ProjectCallStatus,
} from "@/lib/dossiers/kinds/project-call/transitions";
import { TRANSITIONS } from "@/lib/dossiers/machine";

// source 001: 50 % on acceptance in 2026, 50 % in 2027 « sur la base de l'atteinte des objectifs du projet tel que validé par l'ARS »;
// « 30 juin – fin du dépôt des éléments de preuves ».

const ALL_STATUSES: ProjectCallStatus[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED", "REFUSED", ...PROJECT_CALL_EXTRA_STATUSES];
const ALL_EVENTS: ProjectCallEvent[] = ["SUBMIT", "REQUEST_CHANGES", "WITHDRAW_CHANGE_REQUEST", "ACCEPT", "REFUSE", ...PROJECT_CALL_EXTRA_EVENTS];
const ROLES = ["ESTABLISHMENT_REFERENT", "ARS_INSTRUCTOR", "ANS_INSTRUCTOR", "DNS_ADMIN"] as const;

describe("the AAP project's own states, after the ARS selection", () => {
  it.each([
    ["ACCEPTED", "SUBMIT_PROOF", "ESTABLISHMENT_REFERENT", "PROOF_SUBMITTED"],
    ["PROOF_SUBMITTED", "REQUEST_PROOF_CHANGES", "ARS_INSTRUCTOR", "PROOF_CHANGES_REQUESTED"],
    ["PROOF_CHANGES_REQUESTED", "SUBMIT_PROOF", "ESTABLISHMENT_REFERENT", "PROOF_SUBMITTED"],
    ["PROOF_SUBMITTED", "VALIDATE_OBJECTIVES", "ARS_INSTRUCTOR", "OBJECTIVES_VALIDATED"],
    ["PROOF_SUBMITTED", "REJECT_OBJECTIVES", "ARS_INSTRUCTOR", "OBJECTIVES_NOT_MET"],
    // the common path is kept: submission, then the ARS selection
    ["DRAFT", "SUBMIT", "ESTABLISHMENT_REFERENT", "SUBMITTED"],
    ["SUBMITTED", "ACCEPT", "ARS_INSTRUCTOR", "ACCEPTED"],
  ] as const)("%s —%s by %s→ %s", (from, event, role, to) => {
    expect(projectCallNextStatus(from, event, role)).toBe(to);
  });

  it("nothing else is allowed: exactly the common table plus the kind's five rules", () => {
    let allowed = 0;
    for (const from of ALL_STATUSES) for (const event of ALL_EVENTS) for (const role of ROLES) if (projectCallNextStatus(from, event, role) !== null) allowed += 1;
    expect(allowed).toBe(TRANSITIONS.length + PROJECT_CALL_TRANSITIONS.length);
    expect(PROJECT_CALL_TRANSITIONS).toHaveLength(5);
  });

  it.each([
    ["SUBMITTED", "SUBMIT_PROOF", "ESTABLISHMENT_REFERENT"], // proof before acceptance
    ["REFUSED", "SUBMIT_PROOF", "ESTABLISHMENT_REFERENT"],
    ["PROOF_SUBMITTED", "VALIDATE_OBJECTIVES", "ESTABLISHMENT_REFERENT"], // the ARS validates, not the porteur
    ["ACCEPTED", "VALIDATE_OBJECTIVES", "ARS_INSTRUCTOR"], // no validation without proofs
    ["OBJECTIVES_VALIDATED", "REJECT_OBJECTIVES", "ARS_INSTRUCTOR"], // final
    ["PROOF_SUBMITTED", "SUBMIT_PROOF", "DNS_ADMIN"],
  ] as const)("refuses %s —%s by %s", (from, event, role) => {
    expect(projectCallNextStatus(from, event, role)).toBeNull();
  });

  it("proofs are editable only once accepted, or when the ARS asked for more", () => {
    expect(ALL_STATUSES.filter(isProofEditable)).toEqual(["ACCEPTED", "PROOF_CHANGES_REQUESTED"]);
  });
});

describe("labels of the kind", () => {
  it("is « Projet AAP HOP'EN2 », numbered AAP2026-…", () => {
    expect(PROJECT_CALL_KIND_LABEL).toBe("Projet AAP HOP'EN2");
    expect(projectCallNumberPrefix(2026)).toBe("AAP2026");
    expect(() => projectCallNumberPrefix(26)).toThrow(RangeError);
  });

  it("labels every status, common and own, and says the next step of each", () => {
    for (const status of ALL_STATUSES) {
      expect(PROJECT_CALL_STATUS_LABELS[status]).toBeTruthy();
      expect(PROJECT_CALL_NEXT_STEP[status]).toBeTruthy();
    }
    expect(PROJECT_CALL_STATUS_LABELS.ACCEPTED).toBe("Retenu par l'ARS");
    expect(PROJECT_CALL_NEXT_STEP.ACCEPTED).toContain("50 %");
  });
});
