/**
 * The IE maturity self-assessments of an EJ (source 003: "Remplissage et validation d'un
 * formulaire d'autoévaluation ; création d'un nouveau formulaire / duplication d'un formulaire
 * existant"). Used by the server actions of app/etablissement/autoevaluations and by the dossier
 * deposit (findValidatedByNru + assertUsableForDeposit).
 *
 * - Reading follows the EJ scope (lib/auth/scope): referents of the EJ (or of its GHT support EJ),
 *   instructors of its region, DNS admins.
 * - Writing (create, duplicate, save, validate) is for the establishment referents of the EJ only.
 * - A draft is saved with optimistic concurrency: every write names the version it read and is a
 *   conditional update `where { id, status: DRAFT, version }`; zero rows → ConflictError (or
 *   InvalidStateError when it was validated meanwhile). Nothing is silently overwritten.
 * - Validation needs complete answers, computes the scores, assigns the NRU and is one
 *   transaction; a validated self-assessment is immutable.
 */
import { auditSubject, recordAudit, type AuditAction, type AuditEntry } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canAccessLegalEntity, legalEntityScopeFilter, type LegalEntityScope } from "@/lib/auth/scope";
import { formatCalendarDate, now, parisDate } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SelfAssessmentStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_QUESTIONNAIRE } from "./default-questionnaire";
import { NRU_FORMAT_HINT, normalizeNru, nruFor, parseNru } from "./nru";
import { parseQuestionnaireDefinition, type QuestionnaireDefinition } from "./questionnaire-definition";
import {
  answersSchema,
  checkAnswers,
  completenessOf,
  computeScores,
  keepValidAnswers,
  missingAsFieldErrors,
  scoresSchema,
  type Answers,
  type Scores,
  type SiteRef,
} from "./scoring";

type Tx = Prisma.TransactionClient;

// ------------------------------------------------------------------ messages

export const SELF_ASSESSMENT_MESSAGES = {
  immutable: "Cette autoévaluation est validée : elle ne peut plus être modifiée. Dupliquez-la pour en préparer une nouvelle.",
  conflict:
    "Cette autoévaluation a été modifiée entre-temps (dans un autre onglet ou par une autre personne). Vos dernières réponses n'ont pas été enregistrées : rechargez la page pour voir la version enregistrée, puis reportez vos changements.",
  notFound: "Cette autoévaluation est introuvable.",
  legalEntityNotFound: "Cette entité juridique est introuvable.",
  nruNotFound: "Aucune autoévaluation validée ne correspond à ce NRU.",
  invalidNru: `Ce NRU n'est pas valide. ${NRU_FORMAT_HINT}`,
  otherLegalEntity: "Ce NRU correspond à une autre entité juridique.",
  notValidated: "Cette autoévaluation n'est pas validée.",
  validatedAfterDeposit: "Cette autoévaluation a été validée après la date du dépôt.",
} as const;

/** Source 003: the self-assessment must be completed between 1 January of the guichet's year and the deposit. */
export function validatedTooEarlyMessage(validatedAt: Date, guichetYear: number): string {
  return (
    `Cette autoévaluation a été validée le ${formatCalendarDate(parisDate(validatedAt))}, avant le 1er janvier ${guichetYear} : ` +
    `l'autoévaluation retenue doit être validée entre le 1er janvier ${guichetYear} et le dépôt du dossier. Dupliquez-la, mettez-la à jour et validez-la.`
  );
}

// ------------------------------------------------------------------ views

export interface SelfAssessmentSummary {
  id: string;
  legalEntityFiness: string;
  questionnaireId: string;
  questionnaireTitle: string;
  status: SelfAssessmentStatus;
  nru: string | null;
  /** The version to name in the next write. */
  version: number;
  duplicatedFromId: string | null;
  createdAt: Date;
  validatedAt: Date | null;
  /** Questions answered (fully, for the per-EG ones) out of all. */
  progress: { answered: number; total: number };
  /** Overall score of a validated one. */
  overallPercent: number | null;
}

export interface SelfAssessmentDetail extends SelfAssessmentSummary {
  legalEntity: { finess: string; name: string; sites: SiteRef[] };
  definition: QuestionnaireDefinition;
  answers: Answers;
  scores: Scores | null;
  createdBy: { id: string; name: string } | null;
  validatedBy: { id: string; name: string } | null;
}

const legalEntityInclude = {
  ght: { select: { supportFiness: true } },
  sites: { select: { finess: true, name: true }, orderBy: { finess: "asc" } },
} satisfies Prisma.LegalEntityInclude;

const detailInclude = {
  questionnaire: true,
  legalEntity: { include: legalEntityInclude },
} satisfies Prisma.SelfAssessmentInclude;

type LegalEntityRow = Prisma.LegalEntityGetPayload<{ include: typeof legalEntityInclude }>;
type SelfAssessmentRow = Prisma.SelfAssessmentGetPayload<{ include: typeof detailInclude }>;

function scopeOf(entity: LegalEntityRow): LegalEntityScope {
  return { finess: entity.finess, regionCode: entity.regionCode, ghtSupportFiness: entity.ght?.supportFiness ?? null };
}

function parseAnswers(row: { id: string; answers: Prisma.JsonValue }): Answers {
  const parsed = answersSchema.safeParse(row.answers);
  // Stored answers were validated on the way in; a failure here is corrupt data, not user input.
  if (!parsed.success) throw new Error(`Self-assessment ${row.id}: stored answers do not match the schema`);
  return parsed.data;
}

function parseScores(row: { id: string; scores: Prisma.JsonValue }): Scores | null {
  if (row.scores === null) return null;
  const parsed = scoresSchema.safeParse(row.scores);
  if (!parsed.success) throw new Error(`Self-assessment ${row.id}: stored scores do not match the schema`);
  return parsed.data;
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

function summaryOf(row: SelfAssessmentRow, definition: QuestionnaireDefinition, answers: Answers, sites: SiteRef[]): SelfAssessmentSummary {
  const completeness = completenessOf(definition, answers, sites);
  const scores = parseScores(row);
  return {
    id: row.id,
    legalEntityFiness: row.legalEntityFiness,
    questionnaireId: row.questionnaireId,
    questionnaireTitle: row.questionnaire.title,
    status: row.status,
    nru: row.nru,
    version: row.version,
    duplicatedFromId: row.duplicatedFromId,
    createdAt: row.createdAt,
    validatedAt: row.validatedAt,
    progress: { answered: completeness.answered, total: completeness.total },
    overallPercent: scores?.overall.percent ?? null,
  };
}

// ------------------------------------------------------------------ access

function isWriter(user: CurrentUser): boolean {
  return user.role === "ESTABLISHMENT_REFERENT";
}

/** Reading follows the EJ scope; writing also needs the referent role. */
function assertAccess(user: CurrentUser, entity: LegalEntityRow, mode: "read" | "write"): void {
  if (!canAccessLegalEntity(user, scopeOf(entity))) throw new ForbiddenError(`EJ ${entity.finess} out of scope`);
  if (mode === "write" && !isWriter(user)) throw new ForbiddenError(`Role ${user.role} cannot write self-assessments`);
}

async function loadLegalEntity(db: Database, finess: string): Promise<LegalEntityRow> {
  const row = /^[0-9][0-9A-Z][0-9]{7}$/.test(finess) ? await db.legalEntity.findUnique({ where: { finess }, include: legalEntityInclude }) : null;
  if (!row) throw new NotFoundError(`EJ ${finess} not found`, SELF_ASSESSMENT_MESSAGES.legalEntityNotFound);
  return row;
}

async function loadSelfAssessment(db: Database, user: CurrentUser, id: string, mode: "read" | "write"): Promise<SelfAssessmentRow> {
  const row = await db.selfAssessment.findUnique({ where: { id }, include: detailInclude });
  if (!row) throw new NotFoundError(`Self-assessment ${id} not found`, SELF_ASSESSMENT_MESSAGES.notFound);
  assertAccess(user, row.legalEntity, mode);
  return row;
}

function auditEntry(user: CurrentUser, action: AuditAction, id: string, details: Record<string, unknown>, at: Date = now()): AuditEntry {
  return { at, actor: user, action, subject: auditSubject.selfAssessment(id), details };
}

// ------------------------------------------------------------------ questionnaire

/**
 * The questionnaire new self-assessments are made on: the most recently loaded version. On an
 * empty table (a fresh database) the default version is stored first.
 */
export async function currentQuestionnaire(db: Tx): Promise<{ id: string; definition: QuestionnaireDefinition }> {
  const latest = await db.questionnaire.findFirst({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  if (latest) return { id: latest.id, definition: parseQuestionnaireDefinition(latest.definition) };
  const row = await db.questionnaire.upsert({
    where: { id: DEFAULT_QUESTIONNAIRE.id },
    create: { id: DEFAULT_QUESTIONNAIRE.id, title: DEFAULT_QUESTIONNAIRE.title, definition: toJson(DEFAULT_QUESTIONNAIRE) },
    update: {},
  });
  return { id: row.id, definition: parseQuestionnaireDefinition(row.definition) };
}

/** The next number of the NRU sequence (unique, gap-tolerant under concurrency). */
export async function nextNruSequence(tx: Tx): Promise<number> {
  const rows = await tx.$queryRaw<{ value: bigint | number | string }[]>`SELECT nextval('self_assessment_nru_seq') AS value`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error("self_assessment_nru_seq returned no value");
  return Number(value);
}

// ------------------------------------------------------------------ reads

/** The EJ the user may see, for the list page (name order). */
export async function listLegalEntitiesForSelfAssessment(db: Database, user: CurrentUser): Promise<{ finess: string; name: string }[]> {
  return db.legalEntity.findMany({ where: legalEntityScopeFilter(user), select: { finess: true, name: true }, orderBy: { name: "asc" } });
}

/** The self-assessments of one EJ, newest first. */
export async function listSelfAssessments(db: Database, user: CurrentUser, legalEntityFiness: string): Promise<SelfAssessmentSummary[]> {
  const entity = await loadLegalEntity(db, legalEntityFiness);
  assertAccess(user, entity, "read");
  const rows = await db.selfAssessment.findMany({
    where: { legalEntityFiness },
    include: detailInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const definitions = new Map<string, QuestionnaireDefinition>();
  return rows.map((row) => {
    let definition = definitions.get(row.questionnaireId);
    if (!definition) {
      definition = parseQuestionnaireDefinition(row.questionnaire.definition);
      definitions.set(row.questionnaireId, definition);
    }
    return summaryOf(row, definition, parseAnswers(row), entity.sites);
  });
}

async function detailOf(db: Database, row: SelfAssessmentRow): Promise<SelfAssessmentDetail> {
  const definition = parseQuestionnaireDefinition(row.questionnaire.definition);
  const answers = parseAnswers(row);
  const sites = row.legalEntity.sites;
  const userIds = [row.createdById, row.validatedById].filter((id): id is string => id !== null);
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const userById = (id: string | null) => users.find((candidate) => candidate.id === id) ?? null;
  return {
    ...summaryOf(row, definition, answers, sites),
    legalEntity: { finess: row.legalEntity.finess, name: row.legalEntity.name, sites },
    definition,
    answers,
    scores: parseScores(row),
    createdBy: userById(row.createdById),
    validatedBy: userById(row.validatedById),
  };
}

/** One self-assessment with its questionnaire, answers, EG and scores. */
export async function getSelfAssessment(db: Database, user: CurrentUser, id: string): Promise<SelfAssessmentDetail> {
  return detailOf(db, await loadSelfAssessment(db, user, id, "read"));
}

// ------------------------------------------------------------------ writes

/** A new DRAFT on the current questionnaire. */
export async function createSelfAssessment(db: Database, user: CurrentUser, legalEntityFiness: string): Promise<SelfAssessmentDetail> {
  const entity = await loadLegalEntity(db, legalEntityFiness);
  assertAccess(user, entity, "write");
  const questionnaire = await currentQuestionnaire(db);
  const id = await db.$transaction(async (tx) => {
    const row = await tx.selfAssessment.create({
      // The server clock (lib/clock), so that the demo's simulated date applies too.
      data: { legalEntityFiness, questionnaireId: questionnaire.id, status: "DRAFT", answers: {}, createdById: user.id, createdAt: now() },
    });
    await recordAudit(tx, auditEntry(user, "self-assessment.created", row.id, { legalEntityFiness, questionnaireId: questionnaire.id }, row.createdAt));
    return row.id;
  });
  return getSelfAssessment(db, user, id);
}

/**
 * A new DRAFT of the same EJ with the source's answers (any status: source 003, "duplication
 * d'un formulaire existant"). It is made on the current questionnaire: answers to questions that
 * no longer exist, or for EG no longer in the EJ, are left out.
 */
export async function duplicateSelfAssessment(db: Database, user: CurrentUser, sourceId: string): Promise<SelfAssessmentDetail> {
  const source = await loadSelfAssessment(db, user, sourceId, "write");
  const questionnaire = await currentQuestionnaire(db);
  const sourceAnswers = parseAnswers(source);
  const answers = keepValidAnswers(
    questionnaire.definition,
    sourceAnswers,
    source.legalEntity.sites.map((site) => site.finess),
  );
  const id = await db.$transaction(async (tx) => {
    const row = await tx.selfAssessment.create({
      data: {
        legalEntityFiness: source.legalEntityFiness,
        questionnaireId: questionnaire.id,
        status: "DRAFT",
        answers: toJson(answers),
        duplicatedFromId: source.id,
        createdById: user.id,
        createdAt: now(),
      },
    });
    await recordAudit(
      tx,
      auditEntry(user, "self-assessment.duplicated", row.id, {
        legalEntityFiness: source.legalEntityFiness,
        questionnaireId: questionnaire.id,
        sourceId: source.id,
        sourceNru: source.nru,
        answersCopied: Object.keys(answers).length,
        answersDropped: Object.keys(sourceAnswers).length - Object.keys(answers).length,
      }, row.createdAt),
    );
    return row.id;
  });
  return getSelfAssessment(db, user, id);
}

/**
 * Autosave of a draft: replaces its answers (partial answers allowed) if nobody saved since
 * `expectedVersion`. Returns the new version to name next time, and when it was saved.
 */
export async function saveDraftAnswers(
  db: Database,
  user: CurrentUser,
  id: string,
  expectedVersion: number,
  answers: Answers,
): Promise<{ version: number; savedAt: Date }> {
  const row = await loadSelfAssessment(db, user, id, "write");
  if (row.status !== "DRAFT") throw new InvalidStateError(SELF_ASSESSMENT_MESSAGES.immutable);
  const parsed = answersSchema.safeParse(answers);
  if (!parsed.success) throw new ValidationError({ answers: parsed.error.issues.map((issue) => issue.message) });
  const definition = parseQuestionnaireDefinition(row.questionnaire.definition);
  const errors = checkAnswers(definition, parsed.data, row.legalEntity.sites.map((site) => site.finess));
  if (Object.keys(errors).length > 0) {
    throw new ValidationError(errors, "Certaines réponses ne correspondent pas au questionnaire : rien n'a été enregistré.");
  }
  const savedAt = now();
  const result = await db.selfAssessment.updateMany({
    where: { id, status: "DRAFT", version: expectedVersion },
    data: { answers: toJson(parsed.data), version: { increment: 1 } },
  });
  if (result.count === 0) throw await writeRefusal(db, id);
  return { version: expectedVersion + 1, savedAt };
}

/** Why a conditional update matched no row: validated meanwhile, or saved by someone else. */
async function writeRefusal(db: Tx, id: string): Promise<Error> {
  const current = await db.selfAssessment.findUnique({ where: { id }, select: { status: true } });
  return current?.status === "VALIDATED" ? new InvalidStateError(SELF_ASSESSMENT_MESSAGES.immutable) : new ConflictError(SELF_ASSESSMENT_MESSAGES.conflict);
}

/**
 * Validates a complete draft at `at` (the server clock): scores, NRU (year of `at` in Paris),
 * validatedAt/validatedById, status VALIDATED — one transaction, guarded by the version.
 */
export async function validateSelfAssessment(
  db: Database,
  user: CurrentUser,
  id: string,
  expectedVersion: number,
  at: Date,
): Promise<SelfAssessmentDetail> {
  const row = await loadSelfAssessment(db, user, id, "write");
  if (row.status !== "DRAFT") throw new InvalidStateError(SELF_ASSESSMENT_MESSAGES.immutable);
  if (row.version !== expectedVersion) throw new ConflictError(SELF_ASSESSMENT_MESSAGES.conflict);
  const definition = parseQuestionnaireDefinition(row.questionnaire.definition);
  const answers = parseAnswers(row);
  const sites = row.legalEntity.sites;
  const errors = checkAnswers(definition, answers, sites.map((site) => site.finess));
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, "Certaines réponses ne correspondent plus au questionnaire : corrigez-les avant de valider.");
  // source 000: "Le questionnaire IE devra être complété dans son intégralité à l'échelle de l'EJ."
  const completeness = completenessOf(definition, answers, sites);
  if (!completeness.complete) {
    const count = completeness.missing.length;
    throw new ValidationError(
      missingAsFieldErrors(completeness),
      `L'autoévaluation n'est pas complète : ${count} ${count > 1 ? "questions restent" : "question reste"} à renseigner.`,
    );
  }
  const scores = computeScores(definition, answers, sites);
  await db.$transaction(async (tx) => {
    const nru = nruFor(at, row.legalEntityFiness, await nextNruSequence(tx));
    // The version guard proves the answers scored above are the ones stored.
    const result = await tx.selfAssessment.updateMany({
      where: { id, status: "DRAFT", version: expectedVersion },
      data: { status: "VALIDATED", nru, scores: toJson(scores), validatedAt: at, validatedById: user.id, version: { increment: 1 } },
    });
    if (result.count === 0) throw await writeRefusal(tx, id);
    await recordAudit(
      tx,
      auditEntry(user, "self-assessment.validated", id, { legalEntityFiness: row.legalEntityFiness, nru, questionnaireId: row.questionnaireId, overallPercent: scores.overall.percent }, at),
    );
  });
  return getSelfAssessment(db, user, id);
}

// ------------------------------------------------------------------ deposit

/**
 * The validated self-assessment with this NRU, within the user's scope (for the dossier deposit:
 * source 003, "Identifie la référence de l'autoévaluation maturité IE à prendre en compte").
 * Malformed → ValidationError on field `nru`; unknown → NotFoundError; outside the scope →
 * ForbiddenError. Then call assertUsableForDeposit.
 */
export async function findValidatedByNru(db: Database, user: CurrentUser, nru: string): Promise<SelfAssessmentDetail> {
  if (!parseNru(nru)) throw new ValidationError({ nru: [SELF_ASSESSMENT_MESSAGES.invalidNru] }, SELF_ASSESSMENT_MESSAGES.invalidNru);
  const row = await db.selfAssessment.findUnique({ where: { nru: normalizeNru(nru) }, include: detailInclude });
  if (!row) throw new NotFoundError(`NRU ${nru} not found`, SELF_ASSESSMENT_MESSAGES.nruNotFound);
  assertAccess(user, row.legalEntity, "read");
  return detailOf(db, row);
}

/**
 * PURE: may this self-assessment be quoted for `legalEntityFiness` in a deposit made at `at` to a
 * guichet of `guichetYear`? It must belong to that EJ, be VALIDATED, and have been validated
 * between 1 January of the guichet's year (Paris time) and `at` (source 003: "Vérification de la
 * complétion du questionnaire IE par EJ entre le 1er janvier de l'année de la relève et le dépôt
 * du dossier"). Throws ValidationError on field `nru` with a French message.
 */
export function assertUsableForDeposit(
  assessment: Pick<SelfAssessmentSummary, "legalEntityFiness" | "status" | "validatedAt">,
  legalEntityFiness: string,
  guichetYear: number,
  at: Date,
): void {
  const refuse = (message: string): never => {
    throw new ValidationError({ nru: [message] }, message);
  };
  if (assessment.legalEntityFiness !== legalEntityFiness) refuse(SELF_ASSESSMENT_MESSAGES.otherLegalEntity);
  const validatedAt = assessment.validatedAt;
  if (assessment.status !== "VALIDATED" || validatedAt === null) return refuse(SELF_ASSESSMENT_MESSAGES.notValidated);
  if (parisDate(validatedAt) < `${String(guichetYear).padStart(4, "0")}-01-01`) refuse(validatedTooEarlyMessage(validatedAt, guichetYear));
  if (validatedAt.getTime() > at.getTime()) refuse(SELF_ASSESSMENT_MESSAGES.validatedAfterDeposit);
}
