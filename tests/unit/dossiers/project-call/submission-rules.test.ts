import { describe, expect, it } from "vitest";
import { projectCallDraftSchema, type ProjectCallDraft } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { projectCallEligibility } from "@/lib/dossiers/kinds/project-call/eligibility";
import { projectLimitOffences } from "@/lib/dossiers/kinds/project-call/project-limit";
import { proofDepositClosedReason, proofIssues, projectCallIssues, type ProjectCallSubmissionFacts } from "@/lib/dossiers/kinds/project-call/submission-rules";
import { PROJECT_CALL_EXTRA_STATUSES } from "@/lib/dossiers/kinds/project-call/transitions";
import { toFieldErrors } from "@/lib/dossiers/submission-rules";
import { aapCategoryForProject } from "@/lib/funding";

// source 001, « Modalité de soumission des projets »: what the dossier « contiendra nécessairement ».

const eligibleFacts = {
  theme: "DESENGORGEMENT_URGENCES" as const,
  legalEntityName: "CH de Montbrasset",
  candidatureStatus: "ACCEPTED" as const,
  milestoneDepositStatus: "SUBMITTED" as const,
  selfAssessmentValidated: true,
  finessPmsiCategories: { ejCategory: "1102", egCategories: ["355"] },
  usagePayments: { sunEs: null, phase1: null },
  declaration: { noSunEsUsagePayment: false, noPhase1UsagePayment: false },
};

/** A public CH of two EG (FINESS PMSI = its EJ) with a private clinic as party; activité combinée 50 000 + 12 000 → category C. */
function facts(overrides: Partial<ProjectCallSubmissionFacts> = {}): ProjectCallSubmissionFacts {
  const { category, cap } = aapCategoryForProject([50_000, 12_000]);
  return {
    sites: {
      "998400402": { name: "CH de Montbrasset – site Nord", legalEntityFiness: "998400700", finessPmsi: "998400700" },
      "998400403": { name: "CH de Montbrasset – site Sud", legalEntityFiness: "998400700", finessPmsi: "998400700" },
      "998500101": { name: "Clinique des Tilleuls", legalEntityFiness: "998500100", finessPmsi: "998500101" },
    },
    eligibility: projectCallEligibility(eligibleFacts),
    projectLimit: [],
    category: { known: true, category, cap },
    requiredGhtValidations: [],
    documents: [],
    ...overrides,
  };
}

function complete(overrides: Partial<ProjectCallDraft> = {}): ProjectCallDraft {
  return projectCallDraftSchema.parse({
    porteurFinessPmsi: "998400700",
    perimeter: [
      { siteFiness: "998400402", legalEntityFiness: "998400700" },
      { siteFiness: "998400403", legalEntityFiness: "998400700" },
      { siteFiness: "998500101", legalEntityFiness: "998500100" },
    ],
    theme: "DESENGORGEMENT_URGENCES",
    objectives: [{ code: "URG-2", description: "Alimentation automatisée du ROR depuis le bed management." }],
    responsible: { name: "Claire Martin", email: "claire.martin@ch-montbrasset.fr", profession: "Directrice des soins" },
    team: [{ name: "Paul Durand", email: "", profession: "Urgentiste, chef de service", coLead: true }],
    businessStakes: "Saturation des urgences en période de tension.",
    operationalObjectives: "Orientation des patients en moins de 4 heures.",
    siWorkstreams: "Interface GAM / ROR, API bed management.",
    targets: [{ id: "t1", kind: "QUANTITATIVE", description: "ROR mis à jour deux fois par jour en tension" }],
    forecastExpenses: { "2026": 4_000_000, "2027": 3_500_000 },
    ...overrides,
  });
}

const keys = (issues: { key: string }[]) => issues.map((issue) => issue.key);

describe("a complete project transmits", () => {
  it("no issue for a complete, eligible project of category C (60 000 ≤ AC < 230 000, cap 85 000 €, source 001)", () => {
    const f = facts();
    expect(f.category).toEqual({ known: true, category: "C", cap: 8_500_000 });
    expect(projectCallIssues(complete(), f)).toEqual([]);
  });
});

describe("an empty draft lists every item source 001 requires, in form order", () => {
  it("porteur, perimeter, theme, responsible, team, stakes, objectives, workstreams, targets, forecast 2026 and 2027", () => {
    const issues = projectCallIssues(projectCallDraftSchema.parse({}), facts({ eligibility: null }));
    expect(keys(issues)).toEqual([
      "porteurFinessPmsi",
      "perimeter",
      "theme",
      "responsible.name",
      "responsible.email",
      "responsible.profession",
      "team",
      "businessStakes",
      "operationalObjectives",
      "siWorkstreams",
      "targets",
      "forecastExpenses.2026",
      "forecastExpenses.2027",
    ]);
    expect(issues.every((issue) => issue.missing)).toBe(true);
    expect(toFieldErrors(issues).theme).toEqual(["Choisissez la thématique du projet."]);
    expect(toFieldErrors(issues)["forecastExpenses.2027"]).toEqual(["Indiquez les dépenses prévisionnelles de l'exercice 2027 (0 s'il n'y en a pas)."]);
  });
});

describe("the perimeter: explicit EG, each with its EJ, known to the FINESS reference", () => {
  it("an unknown FINESS is an error next to its own field", () => {
    const draft = complete({ perimeter: [...complete().perimeter, { siteFiness: "998499999", legalEntityFiness: "998400700" }] });
    const issues = projectCallIssues(draft, facts());
    expect(issues).toEqual([
      { key: "perimeter.3.siteFiness", message: "Le FINESS géographique 998499999 est inconnu du référentiel FINESS du portail : vérifiez le numéro.", missing: false },
    ]);
  });

  it("a malformed FINESS, a duplicate EG, a wrong EJ and a missing EJ are each named at their row", () => {
    const draft = complete({
      perimeter: [
        { siteFiness: "998400402", legalEntityFiness: "998400700" },
        { siteFiness: "99840040", legalEntityFiness: "998400700" },
        { siteFiness: "998400402", legalEntityFiness: "998400700" },
        { siteFiness: "998500101", legalEntityFiness: "998400700" },
        { siteFiness: "998400403", legalEntityFiness: "" },
      ],
    });
    const errors = toFieldErrors(projectCallIssues(draft, facts()));
    expect(errors["perimeter.1.siteFiness"]).toEqual(["FINESS géographique « 99840040 » invalide : 9 caractères, 2 chiffres (ou 2A, 2B) puis 7 chiffres."]);
    expect(errors["perimeter.2.siteFiness"]).toEqual(["L'établissement géographique 998400402 figure deux fois dans le périmètre."]);
    expect(errors["perimeter.3.legalEntityFiness"]).toEqual(["Clinique des Tilleuls (998500101) est rattaché à l'entité juridique 998500100, non à 998400700."]);
    expect(errors["perimeter.4.legalEntityFiness"]).toEqual(["Établissement n° 5 du périmètre : indiquez le FINESS de son entité juridique."]);
  });

  it("the porteur must be one of the perimeter's FINESS PMSI", () => {
    const errors = toFieldErrors(projectCallIssues(complete({ porteurFinessPmsi: "998600200" }), facts()));
    expect(errors.porteurFinessPmsi).toEqual(["Le porteur (FINESS PMSI 998600200) doit faire partie du périmètre du projet : ajoutez l'un de ses établissements géographiques."]);
  });

  it("a private porteur is identified by its EG (its FINESS PMSI), not by its EJ", () => {
    expect(projectCallIssues(complete({ porteurFinessPmsi: "998500101" }), facts())).toEqual([]);
    expect(keys(projectCallIssues(complete({ porteurFinessPmsi: "998500100" }), facts()))).toEqual(["porteurFinessPmsi"]);
  });

  it("an unknown activité combinée leaves the category (and cap) unknown: said next to the perimeter", () => {
    const issues = projectCallIssues(complete(), facts({ category: { known: false, missingFinessPmsi: ["998500101"] } }));
    expect(issues).toEqual([
      {
        key: "perimeter",
        message: "L'activité combinée de 998500101 est inconnue du portail : la catégorie du projet et son plafond ne peuvent être déterminés. Contactez votre ARS.",
        missing: false,
      },
    ]);
  });
});

describe("a third project (source 001: « ne peut pas candidater … à plus de deux projets »)", () => {
  it("is refused at the porteur's field, or at the first EG of the party concerned", () => {
    const projectLimit = projectLimitOffences({ finessPmsi: ["998400700", "998500101"], otherProjectCounts: { "998400700": 2, "998500101": 2 }, names: { "998500101": "Clinique des Tilleuls" } });
    const errors = toFieldErrors(projectCallIssues(complete(), facts({ projectLimit })));
    expect(Object.keys(errors)).toEqual(["porteurFinessPmsi", "perimeter.2.siteFiness"]);
    expect(errors["perimeter.2.siteFiness"]?.[0]).toContain("Clinique des Tilleuls (FINESS PMSI 998500101) participe déjà à 2 projets");
  });

  it("a second project passes", () => {
    const projectLimit = projectLimitOffences({ finessPmsi: ["998400700", "998500101"], otherProjectCounts: { "998400700": 1, "998500101": 1 } });
    expect(projectCallIssues(complete(), facts({ projectLimit }))).toEqual([]);
  });
});

describe("theme, objectives, team, targets and forecast", () => {
  it("an objective of another theme, chosen twice, or without description", () => {
    const draft = complete({
      objectives: [
        { code: "RH-1", description: "x" },
        { code: "URG-2", description: "x" },
        { code: "URG-2", description: "" },
      ],
    });
    expect(toFieldErrors(projectCallIssues(draft, facts()))).toEqual({
      "objectives.0.code": ["L'objectif « RH-1 » n'appartient pas à la thématique « Désengorgement des urgences »."],
      "objectives.2.code": ["L'objectif « Disposer d'une vision capacitaire fiable pour accélérer l'orientation et l'admission des patients » est choisi deux fois."],
      "objectives.2.description": ["Décrivez ce que le projet prévoit pour l'objectif « Disposer d'une vision capacitaire fiable pour accélérer l'orientation et l'admission des patients »."],
    });
  });

  it("a theme with no objective chosen", () => {
    expect(toFieldErrors(projectCallIssues(complete({ objectives: [] }), facts())).objectives).toEqual(["Choisissez au moins un objectif de la thématique « Désengorgement des urgences »."]);
  });

  it("team members need a name and a métier; a typed e-mail must be valid", () => {
    const draft = complete({ team: [{ name: "", email: "pas-un-mail", profession: "", coLead: false }], responsible: { name: "Claire Martin", email: "claire@", profession: "DSI" } });
    expect(keys(projectCallIssues(draft, facts()))).toEqual(["responsible.email", "team.0.name", "team.0.profession", "team.0.email"]);
  });

  it("a target needs its kind and description; two targets cannot share an id (proofs name them)", () => {
    const draft = complete({ targets: [{ id: "t1", kind: null, description: "" }, { id: "t1", kind: "QUALITATIVE", description: "Parcours lisible" }] });
    expect(keys(projectCallIssues(draft, facts()))).toEqual(["targets.0.kind", "targets.0.description", "targets.1.id"]);
  });

  it("a forecast of 0 € over both years is refused; 0 € for one year is fine", () => {
    expect(projectCallIssues(complete({ forecastExpenses: { "2026": 0, "2027": 0 } }), facts())).toEqual([
      { key: "forecastExpenses", message: "Le prévisionnel de dépenses est nul sur 2026 et 2027 : un projet financé engage des dépenses.", missing: false },
    ]);
    expect(projectCallIssues(complete({ forecastExpenses: { "2026": 0, "2027": 1_000_000 } }), facts())).toEqual([]);
  });

  it("an absurd forecast never reaches the rules: the draft schema refuses it", () => {
    expect(projectCallDraftSchema.safeParse({ forecastExpenses: { "2026": 1e12 } }).success).toBe(false);
  });
});

describe("documents: the GHT's validation and the partners' letters", () => {
  const ghtFacts = facts({ requiredGhtValidations: [{ ghtId: "ght-loire", name: "GHT Loire" }] });

  it("a public GHT member's project needs the GHT's validation (source 001), one per GHT", () => {
    expect(projectCallIssues(complete(), ghtFacts)).toEqual([
      {
        key: "documents.GHT_VALIDATION.ght-loire",
        message: "Joignez la validation du projet par le GHT « GHT Loire » : un établissement public membre d'un GHT fait valider son projet à l'échelle du GHT.",
        missing: true,
      },
    ]);
    expect(projectCallIssues(complete(), { ...ghtFacts, documents: [{ kind: "GHT_VALIDATION", subject: "ght-loire" }] })).toEqual([]);
    expect(keys(projectCallIssues(complete(), { ...ghtFacts, documents: [{ kind: "GHT_VALIDATION", subject: "ght-other" }] }))).toEqual(["documents.GHT_VALIDATION.ght-loire"]);
  });

  it("each industrial partner named needs its commitment letter", () => {
    const draft = complete({ industrialPartners: [{ id: "p1", name: "Éditeur GAM" }, { id: "p2", name: "" }] });
    expect(toFieldErrors(projectCallIssues(draft, facts({ documents: [{ kind: "PARTNER_COMMITMENT", subject: "p1" }] })))).toEqual({
      "industrialPartners.1.name": ["Partenaire industriel n° 2 : indiquez son nom."],
      "documents.PARTNER_COMMITMENT.p2": ["Joignez la lettre d'engagement du partenaire industriel n° 2."],
    });
  });
});

describe("eligibility on submission", () => {
  it("an ineligible porteur: each unmet condition is named, with its explanation", () => {
    const eligibility = projectCallEligibility({ ...eligibleFacts, candidatureStatus: null, selfAssessmentValidated: false });
    expect(projectCallIssues(complete(), facts({ eligibility }))).toEqual([
      {
        key: "eligibility.hospiconnectCandidature",
        message:
          "Condition d'éligibilité non remplie — Candidature HospiConnect de l'entité juridique de rattachement validée : CH de Montbrasset n'a pas de candidature HospiConnect : sans elle, seule la thématique « rattrapage de la maturité numérique » est ouverte.",
        missing: false,
      },
      {
        key: "eligibility.selfAssessmentComplete",
        message: "Condition d'éligibilité non remplie — Complétude des indicateurs de maturité en identification électronique par l'entité juridique : CH de Montbrasset n'a pas encore validé d'autoévaluation de maturité IE.",
        missing: false,
      },
    ]);
  });

  it("rattrapage with unknown usage payments: the declaration to tick is asked at its own field; once ticked, it counts", () => {
    const rattrapage = { ...eligibleFacts, theme: "RATTRAPAGE_MATURITE" as const };
    const draft = complete({ theme: "RATTRAPAGE_MATURITE", objectives: [{ code: "RAT-1", description: "Déploiement du DPI." }] });
    const unknown = projectCallIssues(draft, facts({ eligibility: projectCallEligibility(rattrapage) }));
    expect(keys(unknown)).toEqual(["rattrapageDeclaration.noSunEsUsagePayment", "rattrapageDeclaration.noPhase1UsagePayment"]);
    expect(unknown.every((issue) => issue.missing)).toBe(true);
    const declared = projectCallEligibility({ ...rattrapage, declaration: { noSunEsUsagePayment: true, noPhase1UsagePayment: true } });
    expect(projectCallIssues(draft, facts({ eligibility: declared }))).toEqual([]);
  });

  it("rattrapage with a known SUN-ES usage payment: not eligible, whatever is declared", () => {
    const eligibility = projectCallEligibility({ ...eligibleFacts, theme: "RATTRAPAGE_MATURITE", usagePayments: { sunEs: true, phase1: false }, declaration: { noSunEsUsagePayment: true, noPhase1UsagePayment: true } });
    const draft = complete({ theme: "RATTRAPAGE_MATURITE", objectives: [{ code: "RAT-3", description: "MES." }] });
    expect(keys(projectCallIssues(draft, facts({ eligibility })))).toEqual(["eligibility.noSunEsUsagePayment"]);
  });
});

describe("the June-2027 proof deposit (only after acceptance)", () => {
  const targets = [
    { id: "t1", description: "ROR mis à jour deux fois par jour en tension" },
    { id: "t2", description: "Fil d'Ariane en service" },
  ];

  it.each(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"] as const)("a project %s (not accepted yet) cannot deposit proofs: one clear message", (status) => {
    expect(proofIssues({ targets: [] }, { status, targets, documents: [] })).toEqual([
      { key: "proof", message: "Les preuves d'atteinte des cibles se déposent une fois le projet accepté par l'ARS : ce projet ne l'est pas encore.", missing: false },
    ]);
  });

  it("a refused project, proofs already sent, or objectives already decided: each its own message", () => {
    expect(proofDepositClosedReason("REFUSED")).toBe("Ce projet a été refusé par l'ARS : aucune preuve n'est attendue.");
    expect(proofDepositClosedReason("PROOF_SUBMITTED")).toBe("Les preuves ont déjà été transmises à l'ARS, qui les examine.");
    expect(proofDepositClosedReason("OBJECTIVES_VALIDATED")).toBe("L'ARS a déjà statué sur l'atteinte des objectifs de ce projet.");
    expect(proofDepositClosedReason("OBJECTIVES_NOT_MET")).toBe("L'ARS a déjà statué sur l'atteinte des objectifs de ce projet.");
    for (const status of PROJECT_CALL_EXTRA_STATUSES) expect(typeof proofDepositClosedReason(status)).toBe(status === "PROOF_CHANGES_REQUESTED" ? "object" : "string");
  });

  it("accepted: each target needs its outcome; a reached one its proof, a missed one its comment", () => {
    const issues = proofIssues({ targets: [{ targetId: "t1", reached: true, comment: "" }] }, { status: "ACCEPTED", targets, documents: [] });
    expect(toFieldErrors(issues)).toEqual({
      "documents.TARGET_PROOF.t1": ["Joignez la preuve d'atteinte de la cible « ROR mis à jour deux fois par jour en tension »."],
      "targets.t2.reached": ["Indiquez si la cible « Fil d'Ariane en service » est atteinte."],
    });
    const missed = proofIssues({ targets: [{ targetId: "t1", reached: true, comment: "" }, { targetId: "t2", reached: false, comment: "" }] }, { status: "PROOF_CHANGES_REQUESTED", targets, documents: [{ kind: "TARGET_PROOF", subject: "t1" }] });
    expect(missed).toEqual([{ key: "targets.t2.comment", message: "Expliquez pourquoi la cible « Fil d'Ariane en service » n'est pas atteinte.", missing: true }]);
  });

  it("complete: proof for the reached target, comment for the missed one", () => {
    const draft = { targets: [{ targetId: "t1", reached: true, comment: "" }, { targetId: "t2", reached: false, comment: "Éditeur en retard de livraison." }] };
    expect(proofIssues(draft, { status: "ACCEPTED", targets, documents: [{ kind: "TARGET_PROOF", subject: "t1" }] })).toEqual([]);
  });

  it("an outcome for a target the accepted project does not have is refused", () => {
    const draft = { targets: [{ targetId: "t1", reached: false, comment: "x" }, { targetId: "t2", reached: false, comment: "x" }, { targetId: "t9", reached: true, comment: "" }] };
    expect(proofIssues(draft, { status: "ACCEPTED", targets, documents: [] })).toEqual([{ key: "targets.t9", message: "Cette cible ne fait pas partie du projet accepté.", missing: false }]);
  });
});
