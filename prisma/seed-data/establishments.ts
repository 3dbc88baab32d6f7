import type { LegalStatus } from "../../lib/generated/prisma/client";

/**
 * FICTITIOUS establishments of the demo. Nothing here is a real establishment:
 * - every FINESS starts with "99", which is not a French département (real FINESS numbers start
 *   with the département: "01"…"95", "2A"/"2B", "97x"); they still match the FINESS format
 *   /^[0-9][0-9A-Z][0-9]{7}$/ and, like real ones, end with a Luhn check digit. Numbering:
 *   EJ "99 RR 0 NN 0 k" and its EG "99 RR 0 NN s k" (RR region, NN number of the EJ in the
 *   region, s = 1…9 the EG, k the Luhn key), so the EG of an EJ sit right after it;
 * - towns are invented, and postal codes start with "99" for the same reason.
 *
 * FINESS categories are real codes with their FINESS labels (kept as the registry writes them):
 * the EJ carries the category aggregate (source 002 lists the eligible ones: 1101, 1102, 1103,
 * 1104, 1106, 1107, 1109, 1110, 1111, 1201, 1203, 1205, 2205) and each EG its category (source
 * 002: 101, 106, 109, 114, 115, 122, 127, 128, 129, 131, 141, 146, 156, 161, 292, 362, 355, 365,
 * 366, 412, 415, 425, 430, 444, 697). All the demo ones are eligible.
 *
 * Headcount (source 000): the headcount of an EJ is the sum over its EG of the salaried +
 * liberal staff of SAE 2024, else 2023, else 2022 (an EG with no SAE data counts 0). Each EJ
 * below states its `expectedHeadcount` with the arithmetic. Six EJ sit exactly on the staff
 * figures of the source 000 table, one per ceiling tier (1–50, 51–250, 251–5 000 twice,
 * 5 001–10 000, > 10 000): 30, 75, 300, 800, 6 000 and 12 000 agents. The 800-agent one is
 * the EJ of the demo account referentEj and matches the worked example of source 000 (annual
 * ceiling 39 050 € = 6 600 + 200 × 33 + 550 × 47).
 *
 * Activité combinée (source 002 annex 2) is given for 2022 at the level of the FINESS PMSI:
 * the EJ for public establishments and dialysis centres, the EG for the other private ones.
 * AAP categories (source 001): A < 7 000 ≤ B < 60 000 ≤ C < 230 000 ≤ D.
 */

export interface StaffCountSeed {
  /** SAE survey year. */
  readonly year: number;
  /** Salaried medical + non-medical staff. */
  readonly salaried: number;
  /** Liberal medical staff. */
  readonly liberal: number;
}

export interface CombinedActivitySeed {
  readonly year: number;
  /** Activité combinée as a decimal string (always a multiple of 0.5), stored in Decimal(14, 1). */
  readonly value: string;
  /** Computed from SAE bordereaux rather than taken from the official ANS base. */
  readonly isEstimate: boolean;
}

export interface SiteSeed {
  /** FINESS géographique. */
  readonly finess: string;
  readonly name: string;
  /** FINESS category of the EG (3 digits). */
  readonly category: string;
  readonly categoryLabel: string;
  readonly postalCode: string;
  readonly city: string;
  readonly staffCounts: readonly StaffCountSeed[];
  /** Only for a private EG that is its own FINESS PMSI (not for dialysis centres). */
  readonly combinedActivity?: CombinedActivitySeed;
}

export interface LegalEntitySeed {
  /** FINESS juridique. */
  readonly finess: string;
  readonly name: string;
  readonly legalStatus: LegalStatus;
  /** FINESS category aggregate of the EJ (4 digits). */
  readonly category: string;
  readonly categoryLabel: string;
  readonly regionCode: string;
  readonly isDialysisCentre: boolean;
  readonly receivedSunEsPayments: boolean;
  readonly receivedPhase1Payments: boolean;
  /** Documented SAE headcount (source 000 rule), checked by the verification of the seed. */
  readonly expectedHeadcount: number;
  /** Only when the EJ is the FINESS PMSI (public establishment or dialysis centre). */
  readonly combinedActivity?: CombinedActivitySeed;
  readonly sites: readonly SiteSeed[];
}

export interface GhtSeed {
  /** Code of the GHT in the SAE. */
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
  /** FINESS juridique of the support establishment. */
  readonly supportFiness: string;
  /** Every EJ party to the GHT, the support establishment included. */
  readonly memberFinesses: readonly string[];
}

/** FINESS of the EJ the demo accounts act for. */
export const DEMO_FINESS = {
  /** Support EJ of the demo GHT (account referentGht). */
  ghtSupport: "998400105",
  ghtMemberMultiSite: "998400204",
  ghtMemberMonoSite: "998400303",
  /** Public EJ outside any GHT, 3 EG, 800 agents (accounts referentEj and the second referent). */
  multiSiteEj: "998400402",
  espic: "998400501",
  monoSiteEjBretagne: "995300100",
  /** Private for-profit clinic (account referentClinique). */
  clinic: "995300209",
  universityHospital: "995300308",
  dialysisCentre: "995300407",
} as const;

const CATEGORY = {
  ej: {
    chr: { category: "1101", categoryLabel: "Centres Hospitaliers Régionaux" },
    ch: { category: "1102", categoryLabel: "Centres Hospitaliers" },
    hopitalLocal: { category: "1106", categoryLabel: "Hôpitaux Locaux" },
    courteDuree: { category: "1110", categoryLabel: "Etablissements de Soins de Courte Durée" },
    dialyse: { category: "1203", categoryLabel: "Dialyse Ambulatoire" },
  },
  eg: {
    chr: { category: "101", categoryLabel: "Centre Hospitalier Régional (C.H.R.)" },
    chExHopitalLocal: { category: "106", categoryLabel: "Centre hospitalier, ex Hôpital local" },
    ssr: { category: "109", categoryLabel: "Etablissement de santé privé autorisé en SSR" },
    chirurgie: { category: "128", categoryLabel: "Etablissement de Soins Chirurgicaux" },
    dialyse: { category: "141", categoryLabel: "Centre de dialyse" },
    alternativeDialyse: { category: "146", categoryLabel: "Structure d'Alternative à la dialyse en centre" },
    ch: { category: "355", categoryLabel: "Centre Hospitalier (C.H.)" },
    usld: { category: "362", categoryLabel: "Etablissement de Soins Longue Durée" },
    pluridisciplinaire: { category: "365", categoryLabel: "Etablissement de Soins Pluridisciplinaire" },
  },
} as const;

const activity2022 = (value: string, isEstimate = false): CombinedActivitySeed => ({ year: 2022, value, isEstimate });

export const LEGAL_ENTITIES: readonly LegalEntitySeed[] = [
  // ------------------------------------------------------------ Auvergne-Rhône-Alpes (84)

  // GHT support. Headcount 6 000 (tier 5 001–10 000):
  //   Hôtel-Dieu 2024: 4 180 + 420 = 4 600 (2024 overrides 2023 and 2022)
  // + Tilleuls   2023: 1 150 +  50 = 1 200 (no 2024; 2023 overrides 2022)
  // + Grands-Prés 2022:  195 +   5 =   200 (2022 only)
  // = 6 000. Activité combinée 2022 (EJ): 318 452.5 → AAP category D.
  {
    finess: DEMO_FINESS.ghtSupport,
    name: "Centre hospitalier de Val-de-Morlière",
    legalStatus: "PUBLIC",
    ...CATEGORY.ej.ch,
    regionCode: "84",
    isDialysisCentre: false,
    receivedSunEsPayments: true,
    receivedPhase1Payments: true,
    expectedHeadcount: 6_000,
    combinedActivity: activity2022("318452.5"),
    sites: [
      {
        finess: "998400113",
        name: "Centre hospitalier de Val-de-Morlière – site de l'Hôtel-Dieu",
        ...CATEGORY.eg.ch,
        postalCode: "99110",
        city: "Val-de-Morlière",
        staffCounts: [
          { year: 2022, salaried: 4_010, liberal: 390 },
          { year: 2023, salaried: 4_102, liberal: 398 },
          { year: 2024, salaried: 4_180, liberal: 420 },
        ],
      },
      {
        finess: "998400121",
        name: "Centre hospitalier de Val-de-Morlière – site des Tilleuls",
        ...CATEGORY.eg.ch,
        postalCode: "99110",
        city: "Val-de-Morlière",
        staffCounts: [
          { year: 2022, salaried: 1_100, liberal: 60 },
          { year: 2023, salaried: 1_150, liberal: 50 },
        ],
      },
      {
        finess: "998400139",
        name: "Unité de soins de longue durée Les Grands-Prés",
        ...CATEGORY.eg.usld,
        postalCode: "99112",
        city: "Saint-Brice-sur-Morlière",
        staffCounts: [{ year: 2022, salaried: 195, liberal: 5 }],
      },
    ],
  },

  // GHT member with 2 EG. Headcount 300 (tier 251–5 000):
  //   Combeval     2024: 246 + 14 = 260 (2024 overrides 2023 and 2022)
  // + Roche-Vernaz 2023:  38 +  2 =  40
  // = 300. Activité combinée 2022 (EJ): 27 840.0 → AAP category B.
  {
    finess: DEMO_FINESS.ghtMemberMultiSite,
    name: "Centre hospitalier intercommunal des Hautes-Combes",
    legalStatus: "PUBLIC",
    ...CATEGORY.ej.ch,
    regionCode: "84",
    isDialysisCentre: false,
    receivedSunEsPayments: true,
    receivedPhase1Payments: false,
    expectedHeadcount: 300,
    combinedActivity: activity2022("27840.0"),
    sites: [
      {
        finess: "998400212",
        name: "Centre hospitalier intercommunal des Hautes-Combes – site de Combeval",
        ...CATEGORY.eg.ch,
        postalCode: "99120",
        city: "Combeval",
        staffCounts: [
          { year: 2022, salaried: 235, liberal: 12 },
          { year: 2023, salaried: 240, liberal: 15 },
          { year: 2024, salaried: 246, liberal: 14 },
        ],
      },
      {
        finess: "998400220",
        name: "Centre hospitalier intercommunal des Hautes-Combes – site de Roche-Vernaz",
        ...CATEGORY.eg.ch,
        postalCode: "99121",
        city: "Roche-Vernaz",
        staffCounts: [{ year: 2023, salaried: 38, liberal: 2 }],
      },
    ],
  },

  // GHT member with 1 EG (former hôpital local). Headcount 75 (tier 51–250):
  //   2022 only: 71 + 4 = 75.
  // Activité combinée 2022 (EJ): 6 120.5, an estimate from SAE bordereaux → AAP category A.
  {
    finess: DEMO_FINESS.ghtMemberMonoSite,
    name: "Centre hospitalier de Saint-Évrard-les-Monts",
    legalStatus: "PUBLIC",
    ...CATEGORY.ej.hopitalLocal,
    regionCode: "84",
    isDialysisCentre: false,
    receivedSunEsPayments: false,
    receivedPhase1Payments: false,
    expectedHeadcount: 75,
    combinedActivity: activity2022("6120.5", true),
    sites: [
      {
        finess: "998400311",
        name: "Centre hospitalier de Saint-Évrard-les-Monts",
        ...CATEGORY.eg.chExHopitalLocal,
        postalCode: "99130",
        city: "Saint-Évrard-les-Monts",
        staffCounts: [{ year: 2022, salaried: 71, liberal: 4 }],
      },
    ],
  },

  // Public EJ outside any GHT, 3 EG — the EJ of the demo account referentEj. Headcount 800
  // (tier 251–5 000), the worked example of source 000 (annual ceiling 39 050 €):
  //   site principal 2024: 600 + 45 = 645 (2024 overrides 2023: 590 + 40 = 630)
  // + Aubépines      2023: 118 +  2 = 120 (2023 overrides 2022: 120 + 3 = 123)
  // + Clos-Fleuri    2022:  35 +  0 =  35 (2022 only)
  // = 800. Activité combinée 2022 (EJ): 68 215.5 → AAP category C.
  {
    finess: DEMO_FINESS.multiSiteEj,
    name: "Centre hospitalier de Montbrasset",
    legalStatus: "PUBLIC",
    ...CATEGORY.ej.ch,
    regionCode: "84",
    isDialysisCentre: false,
    receivedSunEsPayments: false,
    receivedPhase1Payments: true,
    expectedHeadcount: 800,
    combinedActivity: activity2022("68215.5"),
    sites: [
      {
        finess: "998400410",
        name: "Centre hospitalier de Montbrasset – site principal",
        ...CATEGORY.eg.ch,
        postalCode: "99140",
        city: "Montbrasset",
        staffCounts: [
          { year: 2023, salaried: 590, liberal: 40 },
          { year: 2024, salaried: 600, liberal: 45 },
        ],
      },
      {
        finess: "998400428",
        name: "Centre hospitalier de Montbrasset – site des Aubépines",
        ...CATEGORY.eg.ch,
        postalCode: "99141",
        city: "Chalvières-le-Haut",
        staffCounts: [
          { year: 2022, salaried: 120, liberal: 3 },
          { year: 2023, salaried: 118, liberal: 2 },
        ],
      },
      {
        finess: "998400436",
        name: "Unité de soins de longue durée Le Clos-Fleuri",
        ...CATEGORY.eg.usld,
        postalCode: "99140",
        city: "Montbrasset",
        staffCounts: [{ year: 2022, salaried: 35, liberal: 0 }],
      },
    ],
  },

  // ESPIC (private non-profit), 2 EG; its FINESS PMSI are the EG. Headcount 450:
  //   Sainte-Ombeline 2024: 340 + 55 = 395 (2024 overrides 2023: 330 + 50 = 380)
  // + Hauts-de-Lyrac  2023:  52 +  3 =  55
  // = 450. Activité combinée 2022: Sainte-Ombeline 74 310.5 → C; Hauts-de-Lyrac 8 460.0 → B.
  {
    finess: DEMO_FINESS.espic,
    name: "Association hospitalière Sainte-Ombeline",
    legalStatus: "PRIVATE_NON_PROFIT",
    ...CATEGORY.ej.courteDuree,
    regionCode: "84",
    isDialysisCentre: false,
    receivedSunEsPayments: true,
    receivedPhase1Payments: true,
    expectedHeadcount: 450,
    sites: [
      {
        finess: "998400519",
        name: "Hôpital privé Sainte-Ombeline",
        ...CATEGORY.eg.pluridisciplinaire,
        postalCode: "99150",
        city: "Lyrac-sur-Saône",
        staffCounts: [
          { year: 2023, salaried: 330, liberal: 50 },
          { year: 2024, salaried: 340, liberal: 55 },
        ],
        combinedActivity: activity2022("74310.5"),
      },
      {
        finess: "998400527",
        name: "Centre de soins de suite et de réadaptation Les Hauts-de-Lyrac",
        ...CATEGORY.eg.ssr,
        postalCode: "99151",
        city: "Lyrac-sur-Saône",
        staffCounts: [{ year: 2023, salaried: 52, liberal: 3 }],
        combinedActivity: activity2022("8460.0"),
      },
    ],
  },

  // ---------------------------------------------------------------------- Bretagne (53)

  // Public EJ with 1 EG (former hôpital local), not in the demo GHT. Headcount 30 (tier 1–50):
  //   2023: 27 + 3 = 30 (2023 overrides 2022: 29 + 2 = 31).
  // Activité combinée 2022 (EJ): 2 480.0 → AAP category A.
  {
    finess: DEMO_FINESS.monoSiteEjBretagne,
    name: "Centre hospitalier de Lannvoré",
    legalStatus: "PUBLIC",
    ...CATEGORY.ej.hopitalLocal,
    regionCode: "53",
    isDialysisCentre: false,
    receivedSunEsPayments: false,
    receivedPhase1Payments: false,
    expectedHeadcount: 30,
    combinedActivity: activity2022("2480.0"),
    sites: [
      {
        finess: "995300118",
        name: "Centre hospitalier de Lannvoré",
        ...CATEGORY.eg.chExHopitalLocal,
        postalCode: "99310",
        city: "Lannvoré",
        staffCounts: [
          { year: 2022, salaried: 29, liberal: 2 },
          { year: 2023, salaried: 27, liberal: 3 },
        ],
      },
    ],
  },

  // Private for-profit clinic, 1 EG — the EJ of the demo account referentClinique; its FINESS
  // PMSI is the EG. Headcount 210: 2023: 150 + 60 = 210 (2023 overrides 2022: 142 + 58 = 200).
  // Activité combinée 2022 (EG): 41 275.5 → AAP category B.
  // The demo's AAP porteur: no « usage » payment under SUN-ES nor HOP'EN2 phase 1, so the
  // rattrapage theme is open to it (source 001); with CH de Lannvoré (2 480.0) its two-EJ
  // perimeter cumulates 43 755.5 → category B, 51 000 €.
  {
    finess: DEMO_FINESS.clinic,
    name: "SAS Clinique de la Rade de Kervidec",
    legalStatus: "PRIVATE_FOR_PROFIT",
    ...CATEGORY.ej.courteDuree,
    regionCode: "53",
    isDialysisCentre: false,
    receivedSunEsPayments: false,
    receivedPhase1Payments: false,
    expectedHeadcount: 210,
    sites: [
      {
        finess: "995300217",
        name: "Clinique de la Rade de Kervidec",
        ...CATEGORY.eg.chirurgie,
        postalCode: "99320",
        city: "Kervidec",
        staffCounts: [
          { year: 2022, salaried: 142, liberal: 58 },
          { year: 2023, salaried: 150, liberal: 60 },
        ],
        combinedActivity: activity2022("41275.5"),
      },
    ],
  },

  // University hospital (CHR), 2 EG, outside the demo GHT (its own GHT is not in the demo data).
  // Headcount 12 000 (tier > 10 000):
  //   Hôpital de la Pointe 2024: 9 850 + 650 = 10 500 (2024 overrides 2023: 9 800 + 600 = 10 400)
  // + Hôpital Ty-Gwenn     2023: 1 450 +  50 =  1 500
  // = 12 000. Activité combinée 2022 (EJ): 612 904.5 → AAP category D.
  {
    finess: DEMO_FINESS.universityHospital,
    name: "Centre hospitalier universitaire de Kerbrévan",
    legalStatus: "PUBLIC",
    ...CATEGORY.ej.chr,
    regionCode: "53",
    isDialysisCentre: false,
    receivedSunEsPayments: true,
    receivedPhase1Payments: true,
    expectedHeadcount: 12_000,
    combinedActivity: activity2022("612904.5"),
    sites: [
      {
        finess: "995300316",
        name: "CHU de Kerbrévan – Hôpital de la Pointe",
        ...CATEGORY.eg.chr,
        postalCode: "99330",
        city: "Kerbrévan",
        staffCounts: [
          { year: 2022, salaried: 9_700, liberal: 590 },
          { year: 2023, salaried: 9_800, liberal: 600 },
          { year: 2024, salaried: 9_850, liberal: 650 },
        ],
      },
      {
        finess: "995300324",
        name: "CHU de Kerbrévan – Hôpital Ty-Gwenn",
        ...CATEGORY.eg.chr,
        postalCode: "99331",
        city: "Kerbrévan",
        staffCounts: [{ year: 2023, salaried: 1_450, liberal: 50 }],
      },
    ],
  },

  // Private dialysis centre (association), 2 EG; a dialysis centre's FINESS PMSI is its EJ even
  // though it is private (source 002). Headcount 48:
  //   centre de dialyse    2023: 44 + 4 = 48
  // + unité d'autodialyse  no SAE data at all → 0
  // = 48. Activité combinée 2022 (EJ): 6 150.0 (12 300 sessions × 0.5) → AAP category A.
  {
    finess: DEMO_FINESS.dialysisCentre,
    name: "Association armoricaine de dialyse de Ploumarec",
    legalStatus: "PRIVATE_NON_PROFIT",
    ...CATEGORY.ej.dialyse,
    regionCode: "53",
    isDialysisCentre: true,
    receivedSunEsPayments: false,
    receivedPhase1Payments: false,
    expectedHeadcount: 48,
    combinedActivity: activity2022("6150.0"),
    sites: [
      {
        finess: "995300415",
        name: "Centre de dialyse de Ploumarec",
        ...CATEGORY.eg.dialyse,
        postalCode: "99340",
        city: "Ploumarec",
        staffCounts: [{ year: 2023, salaried: 44, liberal: 4 }],
      },
      {
        finess: "995300423",
        name: "Unité d'autodialyse de Lannic-Trévoz",
        ...CATEGORY.eg.alternativeDialyse,
        postalCode: "99341",
        city: "Lannic-Trévoz",
        staffCounts: [],
      },
    ],
  },
];

export const GHTS: readonly GhtSeed[] = [
  {
    code: "84999",
    name: "GHT de démonstration Val-de-Morlière",
    regionCode: "84",
    supportFiness: DEMO_FINESS.ghtSupport,
    memberFinesses: [DEMO_FINESS.ghtSupport, DEMO_FINESS.ghtMemberMultiSite, DEMO_FINESS.ghtMemberMonoSite],
  },
];

export interface CombinedActivityRow extends CombinedActivitySeed {
  readonly finessPmsi: string;
}

/**
 * The activité combinée rows, each at its FINESS PMSI. Throws when the data puts a value at
 * the wrong level (source 002: the EJ for public establishments and dialysis centres, the EG
 * for the other private establishments) or leaves a FINESS PMSI without a value.
 */
export function combinedActivityRows(entities: readonly LegalEntitySeed[] = LEGAL_ENTITIES): CombinedActivityRow[] {
  const rows: CombinedActivityRow[] = [];
  for (const ej of entities) {
    const pmsiIsEj = ej.legalStatus === "PUBLIC" || ej.isDialysisCentre;
    if (pmsiIsEj) {
      if (!ej.combinedActivity) throw new Error(`EJ ${ej.finess}: FINESS PMSI without activité combinée`);
      if (ej.sites.some((eg) => eg.combinedActivity)) {
        throw new Error(`EJ ${ej.finess}: the FINESS PMSI is the EJ, not its EG`);
      }
      rows.push({ finessPmsi: ej.finess, ...ej.combinedActivity });
    } else {
      if (ej.combinedActivity) throw new Error(`EJ ${ej.finess}: the FINESS PMSI of a private establishment is its EG`);
      for (const eg of ej.sites) {
        if (!eg.combinedActivity) throw new Error(`EG ${eg.finess}: FINESS PMSI without activité combinée`);
        rows.push({ finessPmsi: eg.finess, ...eg.combinedActivity });
      }
    }
  }
  return rows;
}
