import type { AapCategory } from "@/lib/funding/aap";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";
import type { Cents } from "@/lib/funding/money";
import { isEmailAddress } from "@/lib/dossiers/dossier-input";
import type { SubmissionIssue } from "@/lib/dossiers/submission-rules";
import type { ProjectCallDocumentKind, ProjectCallDraft, ProjectCallProofDraft } from "./draft-schema";
import type { EligibilityConditionKey, ProjectCallEligibility } from "./eligibility";
import type { ProjectLimitOffence } from "./project-limit";
import { PROJECT_CALL_THEMES, themeObjective } from "./themes";
import { isProofEditable, type ProjectCallStatus } from "./transitions";

/*
 * What blocks the transmission of an AAP project (source 001, "Modalité de soumission des
 * projets": perimeter, team and responsible porteur, stakes, operational objectives, SI
 * workstreams, June-2027 targets, 2026 and 2027 forecast) and of its proof deposit, item by item,
 * keyed by the form field. PURE, like lib/dossiers/submission-rules.ts whose `SubmissionIssue`
 * and `toFieldErrors` it shares: the server checks on submission, the form shows the same list.
 */

/** An EG as the reference data knows it. */
export interface KnownSite {
  name: string;
  legalEntityFiness: string;
  /** Its FINESS PMSI (source 002 annex 2: the EJ for a public one or a dialysis centre, else the EG). */
  finessPmsi: string;
}

export type ProjectCategoryFact =
  | { known: true; category: AapCategory; cap: Cents }
  /** Some FINESS PMSI of the perimeter has no activité combinée in the portal: no category, no cap. */
  | { known: false; missingFinessPmsi: readonly string[] };

export interface AttachedDocument {
  kind: ProjectCallDocumentKind;
  /** What it is about: the GHT id (GHT_VALIDATION), the partner id (PARTNER_COMMITMENT), the target id (TARGET_PROOF). */
  subject: string | null;
}

export interface ProjectCallSubmissionFacts {
  /** Reference data of the perimeter's EG, by FINESS; a FINESS absent from here is unknown. */
  sites: Readonly<Record<string, KnownSite>>;
  /** null while no theme is chosen (the conditions depend on it). */
  eligibility: ProjectCallEligibility | null;
  /** projectLimitOffences() over the perimeter's FINESS PMSI. */
  projectLimit: readonly ProjectLimitOffence[];
  category: ProjectCategoryFact;
  /** The GHT of each public EJ of the perimeter that is a GHT member, once per GHT. */
  requiredGhtValidations: readonly { ghtId: string; name: string }[];
  documents: readonly AttachedDocument[];
}

const hasDocument = (documents: readonly AttachedDocument[], kind: ProjectCallDocumentKind, subject: string) =>
  documents.some((document) => document.kind === kind && document.subject === subject);

const DECLARATION_FIELDS: Partial<Record<EligibilityConditionKey, string>> = {
  noSunEsUsagePayment: "rattrapageDeclaration.noSunEsUsagePayment",
  noPhase1UsagePayment: "rattrapageDeclaration.noPhase1UsagePayment",
};

/** Every missing or wrong item of an AAP project, in form order. */
export function projectCallIssues(draft: ProjectCallDraft, facts: ProjectCallSubmissionFacts): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  const add = (key: string, message: string, missing = true) => issues.push({ key, message, missing });

  // Porteur and perimeter (« L'identification du périmètre d'établissements engagés dans le projet »).
  const perimeterPmsi = new Set<string>();
  const firstRowOfPmsi = new Map<string, number>();
  const porteur = draft.porteurFinessPmsi;
  if (!porteur) add("porteurFinessPmsi", "Indiquez le FINESS PMSI de l'établissement porteur du projet (chef de file).");
  else if (!FINESS_PATTERN.test(porteur)) add("porteurFinessPmsi", `FINESS PMSI du porteur « ${porteur} » invalide : 9 caractères, 2 chiffres (ou 2A, 2B) puis 7 chiffres.`, false);

  if (draft.perimeter.length === 0) add("perimeter", "Ajoutez au moins un établissement géographique (EG) au périmètre du projet.");
  const seenSites = new Set<string>();
  draft.perimeter.forEach((row, index) => {
    const key = (field: string) => `perimeter.${index}.${field}`;
    const site = row.siteFiness;
    if (!site) add(key("siteFiness"), `Établissement n° ${index + 1} du périmètre : indiquez le FINESS de l'établissement géographique.`);
    else if (!FINESS_PATTERN.test(site)) add(key("siteFiness"), `FINESS géographique « ${site} » invalide : 9 caractères, 2 chiffres (ou 2A, 2B) puis 7 chiffres.`, false);
    else if (seenSites.has(site)) add(key("siteFiness"), `L'établissement géographique ${site} figure deux fois dans le périmètre.`, false);
    const known = site && FINESS_PATTERN.test(site) ? facts.sites[site] : undefined;
    if (site && FINESS_PATTERN.test(site) && !seenSites.has(site) && !known) {
      add(key("siteFiness"), `Le FINESS géographique ${site} est inconnu du référentiel FINESS du portail : vérifiez le numéro.`, false);
    }
    if (site) seenSites.add(site);
    const ej = row.legalEntityFiness;
    if (!ej) add(key("legalEntityFiness"), `Établissement n° ${index + 1} du périmètre : indiquez le FINESS de son entité juridique.`);
    else if (!FINESS_PATTERN.test(ej)) add(key("legalEntityFiness"), `FINESS juridique « ${ej} » invalide : 9 caractères, 2 chiffres (ou 2A, 2B) puis 7 chiffres.`, false);
    else if (known && known.legalEntityFiness !== ej) {
      add(key("legalEntityFiness"), `${known.name} (${site}) est rattaché à l'entité juridique ${known.legalEntityFiness}, non à ${ej}.`, false);
    }
    if (known) {
      perimeterPmsi.add(known.finessPmsi);
      if (!firstRowOfPmsi.has(known.finessPmsi)) firstRowOfPmsi.set(known.finessPmsi, index);
    }
  });
  // Only once every EG is known can the porteur be looked for among them.
  const everySiteKnown = draft.perimeter.length > 0 && draft.perimeter.every((row) => facts.sites[row.siteFiness]);
  if (porteur && FINESS_PATTERN.test(porteur) && everySiteKnown && !perimeterPmsi.has(porteur)) {
    add("porteurFinessPmsi", `Le porteur (FINESS PMSI ${porteur}) doit faire partie du périmètre du projet : ajoutez l'un de ses établissements géographiques.`, false);
  }
  if (everySiteKnown && !facts.category.known) {
    add(
      "perimeter",
      `L'activité combinée de ${facts.category.missingFinessPmsi.join(", ")} est inconnue du portail : la catégorie du projet et son plafond ne peuvent être déterminés. Contactez votre ARS.`,
      false,
    );
  }
  for (const offence of facts.projectLimit) {
    add(offence.finessPmsi === porteur ? "porteurFinessPmsi" : `perimeter.${firstRowOfPmsi.get(offence.finessPmsi) ?? 0}.siteFiness`, offence.message, false);
  }

  // Theme and objectives.
  const theme = draft.theme;
  if (!theme) add("theme", "Choisissez la thématique du projet.");
  if (theme) {
    const themeLabel = PROJECT_CALL_THEMES[theme].label;
    if (draft.objectives.length === 0) add("objectives", `Choisissez au moins un objectif de la thématique « ${themeLabel} ».`);
    const seenCodes = new Set<string>();
    draft.objectives.forEach((chosen, index) => {
      const objective = themeObjective(theme, chosen.code);
      if (!objective) add(`objectives.${index}.code`, `L'objectif « ${chosen.code} » n'appartient pas à la thématique « ${themeLabel} ».`, false);
      else if (seenCodes.has(chosen.code)) add(`objectives.${index}.code`, `L'objectif « ${objective.label} » est choisi deux fois.`, false);
      seenCodes.add(chosen.code);
      if (!chosen.description) add(`objectives.${index}.description`, `Décrivez ce que le projet prévoit pour l'objectif « ${objective?.label ?? chosen.code} ».`);
    });
  }

  // Team and responsible porteur (« L'identification de l'équipe projet et du porteur responsable »).
  if (!draft.responsible.name) add("responsible.name", "Indiquez le prénom et le nom du porteur responsable du projet.");
  if (!draft.responsible.email) add("responsible.email", "Indiquez l'adresse e-mail du porteur responsable du projet.");
  else if (!isEmailAddress(draft.responsible.email)) add("responsible.email", "Adresse e-mail du porteur responsable invalide : par exemple nom@etablissement.fr.", false);
  if (!draft.responsible.profession) add("responsible.profession", "Indiquez la fonction du porteur responsable du projet.");
  if (draft.team.length === 0) add("team", "Identifiez l'équipe projet : ajoutez au moins un membre.");
  draft.team.forEach((member, index) => {
    const who = member.name || `n° ${index + 1}`;
    if (!member.name) add(`team.${index}.name`, `Membre n° ${index + 1} de l'équipe projet : indiquez son prénom et son nom.`);
    if (!member.profession) add(`team.${index}.profession`, `Indiquez le métier ou la fonction du membre ${who} de l'équipe projet.`);
    if (member.email && !isEmailAddress(member.email)) add(`team.${index}.email`, `Adresse e-mail du membre ${who} invalide : par exemple nom@etablissement.fr.`, false);
  });

  // Description of the project.
  if (!draft.businessStakes) add("businessStakes", "Décrivez les enjeux métiers auxquels le projet répond.");
  if (!draft.operationalObjectives) add("operationalObjectives", "Décrivez les objectifs opérationnels poursuivis au regard de la thématique.");
  if (!draft.siWorkstreams) add("siWorkstreams", "Décrivez les chantiers SI envisagés pour soutenir ces objectifs.");
  if (draft.targets.length === 0) add("targets", "Ajoutez au moins une cible quantitative ou qualitative permettant d'attester en juin 2027 de la réussite du projet.");
  const seenTargets = new Set<string>();
  draft.targets.forEach((target, index) => {
    if (seenTargets.has(target.id)) add(`targets.${index}.id`, `La cible n° ${index + 1} reprend l'identifiant d'une autre cible.`, false);
    seenTargets.add(target.id);
    if (!target.kind) add(`targets.${index}.kind`, `Cible n° ${index + 1} : indiquez si elle est quantitative ou qualitative.`);
    if (!target.description) add(`targets.${index}.description`, `Cible n° ${index + 1} : décrivez-la (ce qui sera mesuré ou constaté en juin 2027).`);
  });

  // Forecast expenses (« Un prévisionnel de dépenses sur les exercices 2026 et 2027 »).
  for (const year of ["2026", "2027"] as const) {
    if (draft.forecastExpenses[year] === null) add(`forecastExpenses.${year}`, `Indiquez les dépenses prévisionnelles de l'exercice ${year} (0 s'il n'y en a pas).`);
  }
  if (draft.forecastExpenses["2026"] === 0 && draft.forecastExpenses["2027"] === 0) {
    add("forecastExpenses", "Le prévisionnel de dépenses est nul sur 2026 et 2027 : un projet financé engage des dépenses.", false);
  }

  // Documents: the GHT's validation, each partner's commitment letter.
  for (const ght of facts.requiredGhtValidations) {
    if (!hasDocument(facts.documents, "GHT_VALIDATION", ght.ghtId)) {
      add(`documents.GHT_VALIDATION.${ght.ghtId}`, `Joignez la validation du projet par le GHT « ${ght.name} » : un établissement public membre d'un GHT fait valider son projet à l'échelle du GHT.`);
    }
  }
  draft.industrialPartners.forEach((partner, index) => {
    if (!partner.name) add(`industrialPartners.${index}.name`, `Partenaire industriel n° ${index + 1} : indiquez son nom.`);
    if (!hasDocument(facts.documents, "PARTNER_COMMITMENT", partner.id)) {
      add(`documents.PARTNER_COMMITMENT.${partner.id}`, `Joignez la lettre d'engagement du partenaire industriel ${partner.name || `n° ${index + 1}`}.`);
    }
  });

  // Eligibility of the porteur on the chosen theme.
  for (const condition of facts.eligibility?.conditions ?? []) {
    if (condition.state === "met" || condition.state === "declared") continue;
    const declarationField = DECLARATION_FIELDS[condition.key];
    if (condition.state === "unknown" && declarationField) add(declarationField, `${condition.label} : ${condition.explanation}`);
    else add(`eligibility.${condition.key}`, `Condition d'éligibilité non remplie — ${condition.label} : ${condition.explanation}`, false);
  }
  return issues;
}

export interface ProofSubmissionFacts {
  status: ProjectCallStatus;
  /** The targets of the project as accepted (its last transmitted snapshot). */
  targets: readonly { id: string; description: string }[];
  documents: readonly AttachedDocument[];
}

/** Why no proof can be deposited in this status; null when the deposit is open. */
export function proofDepositClosedReason(status: ProjectCallStatus): string | null {
  if (isProofEditable(status)) return null;
  switch (status) {
    case "DRAFT":
    case "SUBMITTED":
    case "CHANGES_REQUESTED":
      return "Les preuves d'atteinte des cibles se déposent une fois le projet accepté par l'ARS : ce projet ne l'est pas encore.";
    case "REFUSED":
      return "Ce projet a été refusé par l'ARS : aucune preuve n'est attendue.";
    case "PROOF_SUBMITTED":
      return "Les preuves ont déjà été transmises à l'ARS, qui les examine.";
    case "OBJECTIVES_VALIDATED":
    case "OBJECTIVES_NOT_MET":
      return "L'ARS a déjà statué sur l'atteinte des objectifs de ce projet.";
    case "ACCEPTED":
    case "PROOF_CHANGES_REQUESTED":
      return null;
  }
}

/** Every missing or wrong item of the June-2027 proof deposit, target by target (keyed by target id). */
export function proofIssues(draft: ProjectCallProofDraft, facts: ProofSubmissionFacts): SubmissionIssue[] {
  const closed = proofDepositClosedReason(facts.status);
  if (closed) return [{ key: "proof", message: closed, missing: false }];
  const issues: SubmissionIssue[] = [];
  const add = (key: string, message: string, missing = true) => issues.push({ key, message, missing });
  const targetIds = new Set(facts.targets.map((target) => target.id));
  for (const outcome of draft.targets) {
    if (!targetIds.has(outcome.targetId)) add(`targets.${outcome.targetId}`, "Cette cible ne fait pas partie du projet accepté.", false);
  }
  for (const target of facts.targets) {
    const outcome = draft.targets.find((candidate) => candidate.targetId === target.id);
    const key = (field: string) => `targets.${target.id}.${field}`;
    if (!outcome || outcome.reached === null) add(key("reached"), `Indiquez si la cible « ${target.description} » est atteinte.`);
    else if (!outcome.reached && !outcome.comment) add(key("comment"), `Expliquez pourquoi la cible « ${target.description} » n'est pas atteinte.`);
    if (outcome?.reached && !hasDocument(facts.documents, "TARGET_PROOF", target.id)) {
      add(`documents.TARGET_PROOF.${target.id}`, `Joignez la preuve d'atteinte de la cible « ${target.description} ».`);
    }
  }
  return issues;
}
