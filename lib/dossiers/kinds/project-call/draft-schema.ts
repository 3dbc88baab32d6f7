import { z } from "zod";
import { EURO_MESSAGES, MAX_EURO_AMOUNT_CENTS } from "@/lib/funding/text-input";
import { PROJECT_CALL_THEME_KEYS } from "./themes";

/*
 * What a porteur enters for an AAP HOP'EN2 project (source 001, "Modalité de soumission des
 * projets"), and, once the project is accepted, for its proof deposit of June 2027. As for the other
 * kinds (lib/dossiers/dossier-input.ts), a draft accepts blanks — nothing typed is lost — and only
 * bounds what no real dossier needs (lengths, counts, amounts); completeness is checked on
 * submission (submission-rules.ts), every missing item named.
 */

/** A bounded free text; the message names the field, since several sit on one page. */
const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label} : ${max.toLocaleString("fr-FR")} caractères au maximum.`).optional().default("");

/**
 * A FINESS as typed (spaces removed, upper-cased), kept even when too long so that an autosave
 * never loses it: its pattern and existence are checked on submission (submission-rules.ts).
 */
const typedFiness = (label: string) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, "").toUpperCase())
    .pipe(z.string().max(20, `${label} : un numéro FINESS compte 9 caractères.`))
    .optional()
    .default("");

/** Keys the form gives to the rows it adds (targets, partners), so proofs and letters can name them. */
export const ROW_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
const rowId = z.string().regex(ROW_ID_PATTERN, "Identifiant de ligne invalide.");

/** Amounts in cents as entered (null = not entered yet), bounded like every amount of the portal. */
const forecastCents = z
  .number("Montant invalide.")
  .int("Montant invalide : indiquez des euros et des centimes.")
  .nonnegative("Le montant prévisionnel ne peut pas être négatif.")
  .max(MAX_EURO_AMOUNT_CENTS, EURO_MESSAGES.TOO_LARGE)
  .nullable()
  .default(null);

/** Documents of the kind (DossierDocumentKind values to add when the database side comes). */
export const PROJECT_CALL_DOCUMENT_KINDS = [
  // source 001: « Pour les établissements publics membres d'un GHT, le projet doit avoir été validé à l'échelle du GHT. »
  { key: "GHT_VALIDATION", label: "Validation du projet à l'échelle du GHT" },
  // source 001: « L'engagement des partenaires industriels à travers des lettres d'engagement, le cas échéant. »
  { key: "PARTNER_COMMITMENT", label: "Lettre d'engagement d'un partenaire industriel" },
  // source 001: the targets « permettant en juin 2027 d'attester de sa réussite »; deposited after acceptance.
  { key: "TARGET_PROOF", label: "Preuve d'atteinte d'une cible" },
] as const;

export type ProjectCallDocumentKind = (typeof PROJECT_CALL_DOCUMENT_KINDS)[number]["key"];

export const PERIMETER_MAX_SITES = 200;
export const PROJECT_TEAM_MAX_MEMBERS = 50;
export const PROJECT_TARGETS_MAX = 30;
export const INDUSTRIAL_PARTNERS_MAX = 20;

export const perimeterSiteDraftSchema = z.object({
  siteFiness: typedFiness("FINESS de l'établissement géographique"),
  legalEntityFiness: typedFiness("FINESS de l'entité juridique"),
});

export const chosenObjectiveDraftSchema = z.object({
  code: z.string().trim().max(10, "Code d'objectif invalide."),
  description: text("Description de l'objectif", 4000),
});

export const teamMemberDraftSchema = z.object({
  name: text("Prénom et nom", 200),
  email: text("Adresse e-mail", 320),
  /** Métier or function: source 001 values a team « issus de différents métiers, au-delà des seules équipes de la DSI ». */
  profession: text("Métier ou fonction", 200),
  /** A business referent co-carrying the project (« en co-portage du projet »). */
  coLead: z.boolean().default(false),
});

export const responsibleDraftSchema = z.object({
  name: text("Prénom et nom du porteur responsable", 200),
  email: text("Adresse e-mail du porteur responsable", 320),
  profession: text("Fonction du porteur responsable", 200),
});

export const TARGET_KINDS = [
  { key: "QUANTITATIVE", label: "Cible quantitative" },
  { key: "QUALITATIVE", label: "Cible qualitative" },
] as const;

export const targetDraftSchema = z.object({
  id: rowId,
  kind: z.enum(TARGET_KINDS.map((kind) => kind.key) as [string, ...string[]]).nullable().default(null),
  description: text("Description de la cible", 2000),
});

export const industrialPartnerDraftSchema = z.object({
  id: rowId,
  name: text("Nom du partenaire industriel", 200),
});

export const projectCallDraftSchema = z.object({
  /** The porteur, chef de file, « identifié par son FINESS PMSI » (source 001). */
  porteurFinessPmsi: typedFiness("FINESS PMSI du porteur"),
  /** « La composition du périmètre doit être explicitement définie » (source 001): one or several EG, of one or several EJ. */
  perimeter: z.array(perimeterSiteDraftSchema).max(PERIMETER_MAX_SITES, `Le périmètre compte au plus ${PERIMETER_MAX_SITES} établissements géographiques.`).default([]),
  theme: z.enum(PROJECT_CALL_THEME_KEYS).nullable().default(null),
  objectives: z.array(chosenObjectiveDraftSchema).max(4, "Une thématique compte 4 objectifs au plus.").default([]),
  responsible: responsibleDraftSchema.prefault({}),
  team: z.array(teamMemberDraftSchema).max(PROJECT_TEAM_MAX_MEMBERS, `L'équipe projet compte au plus ${PROJECT_TEAM_MAX_MEMBERS} membres.`).default([]),
  businessStakes: text("Enjeux métiers", 8000),
  operationalObjectives: text("Objectifs opérationnels", 8000),
  siWorkstreams: text("Chantiers SI", 8000),
  /** « cibles quantitatives / qualitatives … permettant en juin 2027 d'attester de sa réussite ». */
  targets: z.array(targetDraftSchema).max(PROJECT_TARGETS_MAX, `Le projet compte au plus ${PROJECT_TARGETS_MAX} cibles.`).default([]),
  /** « Un prévisionnel de dépenses sur les exercices 2026 et 2027 », in cents. */
  forecastExpenses: z.object({ "2026": forecastCents, "2027": forecastCents }).prefault({}),
  industrialPartners: z.array(industrialPartnerDraftSchema).max(INDUSTRIAL_PARTNERS_MAX, `Au plus ${INDUSTRIAL_PARTNERS_MAX} partenaires industriels.`).default([]),
  /** Rattrapage only: the porteur's word where the reference data does not know (eligibility.ts). */
  rattrapageDeclaration: z
    .object({ noSunEsUsagePayment: z.boolean().default(false), noPhase1UsagePayment: z.boolean().default(false) })
    .prefault({}),
});

export type ProjectCallDraft = z.output<typeof projectCallDraftSchema>;

/** The June-2027 proof deposit of an accepted project: per target, reached or not, with a comment. */
export const targetOutcomeDraftSchema = z.object({
  targetId: rowId,
  reached: z.boolean().nullable().default(null),
  comment: text("Commentaire sur la cible", 4000),
});

export const projectCallProofDraftSchema = z.object({
  targets: z.array(targetOutcomeDraftSchema).max(PROJECT_TARGETS_MAX, `Le projet compte au plus ${PROJECT_TARGETS_MAX} cibles.`).default([]),
});

export type ProjectCallProofDraft = z.output<typeof projectCallProofDraftSchema>;
