/**
 * The API's answers as zod schemas (issue 14 §7): the route handlers build them, the tests validate
 * the handlers' real responses against them, and lib/api/openapi.ts generates the OpenAPI
 * description from them (z.toJSONSchema). Each named schema is registered in `apiSchemaRegistry`
 * under the name it has in the description's components.
 */
import { z } from "zod";
import { QUEUE_STATUSES } from "@/lib/instruction/queue-filters";

export const apiSchemaRegistry = z.registry<{ id: string }>();

/** Query parameters of the list. */
export const API_PAGE_SIZE_DEFAULT = 50;
export const API_PAGE_SIZE_MAX = 100;

const instant = z.iso.datetime().describe("Instant ISO 8601 en UTC.");
const calendarDate = z.iso.date().describe("Jour calendaire de Paris (AAAA-MM-JJ).");

export const problemSchema = z
  .object({
    type: z.string().describe("URI du type de problème."),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().describe("Explication en français."),
    instance: z.string().optional().describe("Chemin de la requête refusée."),
  })
  .describe("Erreur au format RFC 9457 (application/problem+json).").register(apiSchemaRegistry, { id: "Probleme" });
export type Problem = z.infer<typeof problemSchema>;

export const amountSchema = z
  .object({
    cents: z.number().int().describe("Montant en centimes d'euro (entier)."),
    euros: z.string().regex(/^-?\d+\.\d{2}$/).describe("Le même montant en euros, en texte décimal exact (« 29500.50 »)."),
  })
  .describe("Un montant, exact : en centimes entiers et en euros sous forme de texte.").register(apiSchemaRegistry, { id: "Montant" });

const nullableAmount = amountSchema.nullable();

export const dossierStatusSchema = z.enum(QUEUE_STATUSES).describe("Statut d'un dossier transmis (un brouillon n'est jamais servi).").register(apiSchemaRegistry, { id: "StatutDossier" });

export const guichetSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    programme: z.enum(["HOSPICONNECT_HOPEN2", "AAP_HOPEN2", "HOSPICONNECT_CARE"]),
    kind: z.enum(["CANDIDATURE", "MILESTONE_DEPOSIT", "PROJECT_CALL", "CARE_RELEVE"]),
    year: z.number().int(),
  })
  .register(apiSchemaRegistry, { id: "Guichet" });

export const dossierSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().describe("Numéro du dossier (« HC-J2026-000042 »)."),
    guichet: guichetSchema,
    status: dossierStatusSchema,
    statusLabel: z.string().describe("Libellé du statut, tel que le portail l'affiche."),
    carrier: z.object({ finess: z.string().length(9).describe("FINESS EJ porteur (EJ support pour un GHT)."), name: z.string(), regionCode: z.string().length(2) }),
    submittedAt: instant.nullable(),
    decidedAt: instant.nullable(),
    updatedAt: instant,
  })
  .register(apiSchemaRegistry, { id: "DossierResume" });

export const dossierListSchema = z
  .object({
    items: z.array(dossierSummarySchema),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1).max(API_PAGE_SIZE_MAX),
    total: z.number().int().min(0),
    totalPages: z.number().int().min(0),
  })
  .register(apiSchemaRegistry, { id: "ListeDossiers" });

export const dossierPartSchema = z
  .object({
    finess: z.string().length(9).describe("FINESS EJ."),
    name: z.string(),
    ght: z.string().nullable(),
    headcount: z.number().int().nullable().describe("Effectif SAE transmis."),
    ceiling: nullableAmount.describe("Montant plafond annuel, ou enveloppe CaRE."),
    expenses: z.object({ internalHr: nullableAmount, external: nullableAmount, publisher: nullableAmount }),
    requested: nullableAmount,
    eligible: nullableAmount.describe("Montant éligible de l'année, ou dépenses éligibles CaRE."),
    capped: nullableAmount.describe("Montant maximal accordable."),
    decided: nullableAmount,
    partialAwardReason: z.string().nullable().describe("Motif d'un montant décidé inférieur au maximal."),
  })
  .describe("La part d'une EJ dans le dossier : ce qui a été transmis et la décision.").register(apiSchemaRegistry, { id: "PartEJ" });

export const scanStatusSchema = z.enum(["NOT_SCANNED", "PENDING", "CLEAN", "INFECTED"]).describe("NOT_SCANNED : pas d'antivirus configuré ; PENDING : en cours d'analyse ; CLEAN : sain ; INFECTED : infecté (jamais servi).").register(apiSchemaRegistry, { id: "StatutAntivirus" });

export const documentSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe("Nature du document (NOTE_DE_CADRAGE, EXPENSE_ATTESTATION…)."),
    objectiveCode: z.string().nullable(),
    name: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    scanStatus: scanStatusSchema,
    legalEntities: z.array(z.string().length(9)),
    downloadUrl: z.string().nullable().describe("Chemin du téléchargement ; null quand le fichier n'est pas servi (infecté ou en cours d'analyse)."),
  })
  .describe("Un document de la dernière transmission.").register(apiSchemaRegistry, { id: "Document" });

export const decisionSchema = z
  .object({
    outcome: z.enum(["accepted", "refused"]),
    decidedAt: instant,
    decidedOn: calendarDate,
    decidedTotal: nullableAmount.describe("Somme des montants décidés des EJ."),
    refusalReason: z.string().nullable(),
  })
  .register(apiSchemaRegistry, { id: "Decision" });

export const dossierDetailSchema = dossierSummarySchema
  .extend({
    parts: z.array(dossierPartSchema),
    decision: decisionSchema.nullable(),
    documents: z.array(documentSchema),
  })
  .register(apiSchemaRegistry, { id: "Dossier" });

export type DossierSummary = z.input<typeof dossierSummarySchema>;
export type DossierList = z.input<typeof dossierListSchema>;
export type DossierDetail = z.input<typeof dossierDetailSchema>;
export type ApiAmount = z.input<typeof amountSchema>;

/** The list's query: `taille` 1–100 (default 50), `page` ≥ 1; a larger page size is refused, never cut silently. */
export const dossierListQuerySchema = z.object({
  guichet: z.string().trim().min(1).max(100).optional().describe("Code du guichet."),
  statut: dossierStatusSchema.optional(),
  page: z.coerce.number({ error: "« page » doit être un entier supérieur ou égal à 1." }).int("« page » doit être un entier supérieur ou égal à 1.").min(1, "« page » doit être un entier supérieur ou égal à 1.").max(1_000_000, "« page » est trop grand.").default(1),
  taille: z.coerce
    .number({ error: `« taille » doit être un entier entre 1 et ${API_PAGE_SIZE_MAX}.` })
    .int(`« taille » doit être un entier entre 1 et ${API_PAGE_SIZE_MAX}.`)
    .min(1, `« taille » doit être un entier entre 1 et ${API_PAGE_SIZE_MAX}.`)
    .max(API_PAGE_SIZE_MAX, `« taille » doit être un entier entre 1 et ${API_PAGE_SIZE_MAX}.`)
    .default(API_PAGE_SIZE_DEFAULT),
});
export type DossierListQuery = z.output<typeof dossierListQuerySchema>;

/** Integer cents → the API's amount (euros as exact decimal text, built from the integer). */
export function apiAmount(cents: number | null): ApiAmount | null {
  if (cents === null) return null;
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return { cents, euros: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}` };
}
