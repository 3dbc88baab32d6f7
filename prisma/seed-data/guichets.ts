import type { GuichetKind, Programme } from "../../lib/generated/prisma/client";

/**
 * The official calendar of the programme, as guichets (windows).
 *
 * Dates are Europe/Paris calendar days written 'YYYY-MM-DD', all inclusive: a guichet is open
 * from `opensOn` to `closesOn`, and the ARS and the establishments exchange on the instruction
 * until `instructionEndsOn`.
 *
 * Sources (the programme's source documents, named by file: 000_1a898dec8b2a4de4.txt, 001_56e3d9c199e9e209.txt…; not shipped with the repository):
 * - 000 — DNS webinar 18/12/2025, "Calendrier HospiConnect/HOP'EN2 : deux dates en 2026":
 *   candidatures until 13 February 2026 ("ouverture du portail courant janvier"); proof deposits
 *   until 26 June 2026 / 11 June 2027 / 16 June 2028; end of the ARS instruction exchanges on
 *   15 September of each year.
 * - 001 — DNS webinar 30/01/2026, AAP HOP'EN2: "Ouverture du guichet AAP courant T2 2026 ;
 *   fermeture du guichet le 29 mai [2026]".
 * - 003 — ANS webinar #5 06/05/2026: "Ouverture du guichet 2026 : du 4 mai au 26 juin 2026"
 *   (HOP'EN2) and "du 15 juin au 15 juillet 2026" (CaRE); the guichet names used in the
 *   Convergence e-mails: "HospiConnect – Jalon juin 2026", "HospiConnect – CaRE – Relève 2026".
 *
 * Every date that is NOT in the sources is marked ASSUMPTION below, with the reason of the choice.
 */

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = `${number}-${number}-${number}`;

export interface GuichetSeed {
  /** Stable natural key, used by the seed's upserts and by links in the portal. */
  readonly code: string;
  readonly programme: Programme;
  readonly kind: GuichetKind;
  readonly year: number;
  /** French label shown to users. */
  readonly label: string;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly instructionEndsOn: IsoDate;
  /** AAP HOP'EN2 only: the proof deposit of accepted projects. */
  readonly proofOpensOn?: IsoDate;
  readonly proofClosesOn?: IsoDate;
}

export const GUICHET_CODES = {
  candidature2026: "HOPEN2-CANDIDATURE-2026",
  milestone2026: "HOPEN2-JALON-2026",
  milestone2027: "HOPEN2-JALON-2027",
  milestone2028: "HOPEN2-JALON-2028",
  aap2026: "AAP-HOPEN2-2026",
  care2026: "CARE-RELEVE-2026",
  care2027: "CARE-RELEVE-2027",
  care2028: "CARE-RELEVE-2028",
} as const;

export const GUICHETS: readonly GuichetSeed[] = [
  {
    code: GUICHET_CODES.candidature2026,
    programme: "HOSPICONNECT_HOPEN2",
    kind: "CANDIDATURE",
    year: 2026,
    label: "HospiConnect – Candidature HOP'EN2 2026",
    // ASSUMPTION: source 000 only says "ouverture du portail courant janvier"; the exact day is
    // not in the sources, mid-January is chosen.
    opensOn: "2026-01-15",
    // Source 000: "13 février 2026 — Date de fin des candidatures par les établissements."
    closesOn: "2026-02-13",
    // ASSUMPTION: the end of the instruction of the candidatures is not in the sources; the end
    // of March is chosen, so that validated candidatures are known well before the AAP opens
    // (its eligibility requires "une candidature validée à HospiConnect", source 001).
    instructionEndsOn: "2026-03-31",
  },
  {
    code: GUICHET_CODES.milestone2026,
    programme: "HOSPICONNECT_HOPEN2",
    kind: "MILESTONE_DEPOSIT",
    year: 2026,
    label: "HospiConnect – Jalon juin 2026",
    // Source 003: "Du 4 mai au 26 juin 2026"; source 000: 26 June 2026 and 15 September 2026.
    opensOn: "2026-05-04",
    closesOn: "2026-06-26",
    instructionEndsOn: "2026-09-15",
  },
  {
    code: GUICHET_CODES.milestone2027,
    programme: "HOSPICONNECT_HOPEN2",
    kind: "MILESTONE_DEPOSIT",
    year: 2027,
    label: "HospiConnect – Jalon juin 2027",
    // ASSUMPTION: the opening is not in the sources; same pattern as 2026 (the guichet opened on
    // the first working Monday of May, 4 May 2026) → Monday 3 May 2027.
    opensOn: "2027-05-03",
    // Source 000: "11 juin 2027" and "15 septembre 2027".
    closesOn: "2027-06-11",
    instructionEndsOn: "2027-09-15",
  },
  {
    code: GUICHET_CODES.milestone2028,
    programme: "HOSPICONNECT_HOPEN2",
    kind: "MILESTONE_DEPOSIT",
    year: 2028,
    label: "HospiConnect – Jalon juin 2028",
    // ASSUMPTION: the opening is not in the sources; same pattern as 2026 → first working day
    // of May 2028 after the 1 May public holiday (a Monday): Tuesday 2 May 2028.
    opensOn: "2028-05-02",
    // Source 000: "16 juin 2028" and "15 septembre 2028".
    closesOn: "2028-06-16",
    instructionEndsOn: "2028-09-15",
  },
  {
    code: GUICHET_CODES.aap2026,
    programme: "AAP_HOPEN2",
    kind: "PROJECT_CALL",
    year: 2026,
    label: "Appel à projets HOP'EN2 – 2026",
    // ASSUMPTION: source 001 says "Ouverture du guichet AAP courant T2 2026"; the first day of
    // the quarter is chosen.
    opensOn: "2026-04-01",
    // Source 001: "fermeture du guichet AAP le 29 mai 2026".
    closesOn: "2026-05-29",
    // ASSUMPTION: the calendar of source 001 shows "Sélection par ARS" after the 29 May closing,
    // then the ARS conventions and the delegation of the funds, but gives no date for the end
    // of the selection; the end of July is chosen (selection over June–July, conventions after).
    instructionEndsOn: "2026-07-31",
    // ASSUMPTION: source 001's calendar shows « Atteintes des objectifs AAP » over the first half of
    // 2027 without an opening date for the deposit; it opens with the year's HospiConnect milestone
    // guichet (3 May 2027), the proofs being about targets of June 2027.
    proofOpensOn: "2027-05-03",
    // Source 001: « 30 juin – fin du dépôt des éléments de preuves » (2027).
    proofClosesOn: "2027-06-30",
  },
  {
    code: GUICHET_CODES.care2026,
    programme: "HOSPICONNECT_CARE",
    kind: "CARE_RELEVE",
    year: 2026,
    label: "HospiConnect – CaRE – Relève 2026",
    // Source 003: "Du 15 juin au 15 juillet 2026".
    opensOn: "2026-06-15",
    closesOn: "2026-07-15",
    // ASSUMPTION: the end of the CaRE instruction is not in the sources; about the same delay
    // after closing as the HOP'EN2 milestone (26 June → 15 September, ~11 weeks) → 30 September.
    instructionEndsOn: "2026-09-30",
  },
  {
    code: GUICHET_CODES.care2027,
    programme: "HOSPICONNECT_CARE",
    kind: "CARE_RELEVE",
    year: 2027,
    label: "HospiConnect – CaRE – Relève 2027",
    // ASSUMPTION: source 003 announces « guichets annuels » without their dates (the DNS sets them on
    // the portal); the 2026 pattern is kept: from the Monday nearest 15 June to 15 July, instructed to 30 September.
    opensOn: "2027-06-14",
    closesOn: "2027-07-15",
    instructionEndsOn: "2027-09-30",
  },
  {
    code: GUICHET_CODES.care2028,
    programme: "HOSPICONNECT_CARE",
    kind: "CARE_RELEVE",
    year: 2028,
    label: "HospiConnect – CaRE – Relève 2028",
    // ASSUMPTION: as for 2027 (Thursday 15 June 2028 is kept as the opening day).
    opensOn: "2028-06-15",
    closesOn: "2028-07-15",
    instructionEndsOn: "2028-09-30",
  },
];
