import { z } from "zod";
import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCalendarDate, calendarDateFromDb, dbDateFromCalendarDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Saisissez une date.").refine((value) => {
  try {
    assertCalendarDate(value);
    return true;
  } catch {
    return false;
  }
}, "Cette date n'existe pas.");

/** A guichet as the admin edits it (Europe/Paris calendar days). */
export const guichetInputSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9-]{3,40}$/, "Code en majuscules, chiffres et tirets (3 à 40 caractères)."),
    programme: z.enum(["HOSPICONNECT_HOPEN2", "AAP_HOPEN2", "HOSPICONNECT_CARE"]),
    kind: z.enum(["CANDIDATURE", "MILESTONE_DEPOSIT", "PROJECT_CALL", "CARE_RELEVE"]),
    year: z.number().int().min(2024, "Année invalide.").max(2035, "Année invalide."),
    label: z.string().trim().min(3, "Indiquez un libellé.").max(200),
    opensOn: calendarDate,
    closesOn: calendarDate,
    instructionEndsOn: calendarDate,
    /** AAP HOP'EN2 only (source 001: « 30 juin – fin du dépôt des éléments de preuves »). */
    proofOpensOn: z.union([calendarDate, z.literal("")]).optional().default(""),
    proofClosesOn: z.union([calendarDate, z.literal("")]).optional().default(""),
  })
  .superRefine((value, context) => {
    if (value.closesOn < value.opensOn) context.addIssue({ code: "custom", path: ["closesOn"], message: "La clôture doit suivre l'ouverture." });
    if (value.instructionEndsOn < value.closesOn) context.addIssue({ code: "custom", path: ["instructionEndsOn"], message: "La fin de l'instruction doit suivre la clôture." });
    // Each kind belongs to one programme: a CaRE relève is the CaRE programme's, and only it.
    if ((value.kind === "CARE_RELEVE") !== (value.programme === "HOSPICONNECT_CARE")) {
      context.addIssue({ code: "custom", path: ["kind"], message: "Une relève CaRE appartient au programme HospiConnect / CaRE, et ce programme ne prend que des relèves." });
    }
    if (value.kind === "PROJECT_CALL" && value.programme !== "AAP_HOPEN2") context.addIssue({ code: "custom", path: ["kind"], message: "Un appel à projets appartient au programme Appel à projets HOP'EN2." });
    if (value.kind !== "PROJECT_CALL") return;
    if (!value.proofOpensOn) context.addIssue({ code: "custom", path: ["proofOpensOn"], message: "Indiquez l'ouverture du dépôt des preuves des projets retenus." });
    if (!value.proofClosesOn) context.addIssue({ code: "custom", path: ["proofClosesOn"], message: "Indiquez la clôture du dépôt des preuves des projets retenus." });
    if (value.proofOpensOn && value.proofOpensOn <= value.closesOn) context.addIssue({ code: "custom", path: ["proofOpensOn"], message: "Le dépôt des preuves ouvre après la clôture des candidatures." });
    if (value.proofOpensOn && value.proofClosesOn && value.proofClosesOn < value.proofOpensOn) context.addIssue({ code: "custom", path: ["proofClosesOn"], message: "La clôture du dépôt des preuves doit suivre son ouverture." });
  });

export type GuichetInput = z.output<typeof guichetInputSchema>;

export const derogationInputSchema = z
  .object({
    guichetId: z.string().min(1),
    scope: z.enum(["REGION", "LEGAL_ENTITY"]),
    regionCode: z.string().trim().optional().default(""),
    legalEntityFiness: z.string().trim().optional().default(""),
    closesOn: calendarDate,
    instructionEndsOn: z.union([calendarDate, z.literal("")]).optional().default(""),
    reason: z.string().trim().min(5, "Indiquez le motif de la dérogation.").max(1000),
  })
  .superRefine((value, context) => {
    if (value.scope === "REGION" && !/^\d{2}$/.test(value.regionCode)) context.addIssue({ code: "custom", path: ["regionCode"], message: "Choisissez une région." });
    if (value.scope === "LEGAL_ENTITY" && !/^[0-9][0-9A-Z][0-9]{7}$/.test(value.legalEntityFiness)) context.addIssue({ code: "custom", path: ["legalEntityFiness"], message: "Numéro FINESS EJ invalide (9 caractères)." });
  });

function assertAdmin(user: CurrentUser) {
  if (user.role !== "DNS_ADMIN") throw new ForbiddenError();
}

function issuesToFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return fields;
}

const asDates = (input: GuichetInput) => ({
  opensOn: dbDateFromCalendarDate(input.opensOn),
  closesOn: dbDateFromCalendarDate(input.closesOn),
  instructionEndsOn: dbDateFromCalendarDate(input.instructionEndsOn),
  proofOpensOn: input.kind === "PROJECT_CALL" && input.proofOpensOn ? dbDateFromCalendarDate(input.proofOpensOn) : null,
  proofClosesOn: input.kind === "PROJECT_CALL" && input.proofClosesOn ? dbDateFromCalendarDate(input.proofClosesOn) : null,
});

function snapshotOf(guichet: { code: string; label: string; year: number; programme: string; kind: string; opensOn: Date; closesOn: Date; instructionEndsOn: Date; proofOpensOn: Date | null; proofClosesOn: Date | null }) {
  return {
    code: guichet.code,
    label: guichet.label,
    year: guichet.year,
    programme: guichet.programme,
    kind: guichet.kind,
    opensOn: calendarDateFromDb(guichet.opensOn),
    closesOn: calendarDateFromDb(guichet.closesOn),
    instructionEndsOn: calendarDateFromDb(guichet.instructionEndsOn),
    proofOpensOn: guichet.proofOpensOn ? calendarDateFromDb(guichet.proofOpensOn) : null,
    proofClosesOn: guichet.proofClosesOn ? calendarDateFromDb(guichet.proofClosesOn) : null,
  };
}

/** Creates or edits a guichet; every change is audited before → after and applies at once. */
export async function saveGuichet(db: Database, user: CurrentUser, id: string | null, raw: unknown, at: Date): Promise<{ id: string }> {
  assertAdmin(user);
  const parsed = guichetInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(issuesToFields(parsed.error));
  const input = parsed.data;
  const clash = await db.guichet.findUnique({ where: { code: input.code } });
  if (clash && clash.id !== id) throw new ValidationError({ code: ["Ce code est déjà utilisé par un autre guichet."] });
  return db.$transaction(async (tx) => {
    const before = id ? await tx.guichet.findUnique({ where: { id } }) : null;
    if (id && !before) throw new NotFoundError(`guichet ${id}`, "Ce guichet est introuvable.");
    const data = { code: input.code, programme: input.programme, kind: input.kind, year: input.year, label: input.label, ...asDates(input) };
    const saved = id ? await tx.guichet.update({ where: { id }, data }) : await tx.guichet.create({ data });
    await recordAudit(tx, { at, actor: user, action: id ? "admin.guichet.updated" : "admin.guichet.created", subject: auditSubject.guichet(saved.id), before: before ? snapshotOf(before) : null, after: snapshotOf(saved) });
    return { id: saved.id };
  });
}

/** Extends a guichet's deadline for one region or one EJ, with a required reason (audited). */
export async function addDerogation(db: Database, user: CurrentUser, raw: unknown, at: Date): Promise<{ id: string }> {
  assertAdmin(user);
  const parsed = derogationInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(issuesToFields(parsed.error));
  const input = parsed.data;
  const guichet = await db.guichet.findUnique({ where: { id: input.guichetId } });
  if (!guichet) throw new NotFoundError(`guichet ${input.guichetId}`, "Ce guichet est introuvable.");
  if (input.closesOn <= calendarDateFromDb(guichet.closesOn)) throw new ValidationError({ closesOn: ["Une dérogation prolonge la clôture : choisissez une date postérieure à la clôture du guichet."] });
  if (input.instructionEndsOn && input.instructionEndsOn < input.closesOn) throw new ValidationError({ instructionEndsOn: ["La fin de l'instruction doit suivre la nouvelle clôture."] });
  if (input.scope === "REGION" && !(await db.region.findUnique({ where: { code: input.regionCode } }))) throw new ValidationError({ regionCode: ["Région inconnue."] });
  if (input.scope === "LEGAL_ENTITY" && !(await db.legalEntity.findUnique({ where: { finess: input.legalEntityFiness } }))) {
    throw new ValidationError({ legalEntityFiness: ["Aucune entité juridique ne porte ce numéro FINESS."] });
  }
  return db.$transaction(async (tx) => {
    const derogation = await tx.guichetDerogation.create({
      data: {
        guichetId: guichet.id,
        regionCode: input.scope === "REGION" ? input.regionCode : null,
        legalEntityFiness: input.scope === "LEGAL_ENTITY" ? input.legalEntityFiness : null,
        closesOn: dbDateFromCalendarDate(input.closesOn),
        instructionEndsOn: input.instructionEndsOn ? dbDateFromCalendarDate(input.instructionEndsOn) : null,
        reason: input.reason,
        createdById: user.id,
        createdAt: at,
      },
    });
    await recordAudit(tx, { at, actor: user, action: "admin.derogation.created", subject: auditSubject.guichet(guichet.id), before: null, after: { derogationId: derogation.id, ...input } });
    return { id: derogation.id };
  });
}

export async function revokeDerogation(db: Database, user: CurrentUser, derogationId: string, at: Date): Promise<void> {
  assertAdmin(user);
  await db.$transaction(async (tx) => {
    const updated = await tx.guichetDerogation.updateMany({ where: { id: derogationId, revokedAt: null }, data: { revokedAt: at } });
    if (updated.count === 0) throw new NotFoundError(`derogation ${derogationId}`, "Cette dérogation n'est plus en vigueur.");
    const { guichetId } = await tx.guichetDerogation.findUniqueOrThrow({ where: { id: derogationId }, select: { guichetId: true } });
    await recordAudit(tx, { at, actor: user, action: "admin.derogation.revoked", subject: auditSubject.guichet(guichetId), before: { derogationId, revokedAt: null }, after: { derogationId, revokedAt: at.toISOString() } });
  });
}

export interface ActiveDerogation {
  id: string;
  guichet: { id: string; label: string };
  /** Exactly one of region / legalEntity. */
  region: { code: string; name: string } | null;
  legalEntity: { finess: string; name: string } | null;
  closesOn: CalendarDate;
  instructionEndsOn: CalendarDate | null;
  reason: string;
}

/** The derogations in force (not revoked), newest first, with their beneficiary's name. */
export async function activeDerogations(db: Database, user: CurrentUser): Promise<ActiveDerogation[]> {
  assertAdmin(user);
  const rows = await db.guichetDerogation.findMany({
    where: { revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, regionCode: true, legalEntityFiness: true, closesOn: true, instructionEndsOn: true, reason: true, guichet: { select: { id: true, label: true } } },
  });
  const finess = rows.map((row) => row.legalEntityFiness).filter((value): value is string => value !== null);
  const codes = rows.map((row) => row.regionCode).filter((value): value is string => value !== null);
  const [entities, regions] = await Promise.all([
    finess.length > 0 ? db.legalEntity.findMany({ where: { finess: { in: finess } }, select: { finess: true, name: true } }) : [],
    codes.length > 0 ? db.region.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }) : [],
  ]);
  return rows.map((row) => ({
    id: row.id,
    guichet: row.guichet,
    region: row.regionCode ? { code: row.regionCode, name: regions.find((region) => region.code === row.regionCode)?.name ?? row.regionCode } : null,
    legalEntity: row.legalEntityFiness ? { finess: row.legalEntityFiness, name: entities.find((entity) => entity.finess === row.legalEntityFiness)?.name ?? "" } : null,
    closesOn: calendarDateFromDb(row.closesOn),
    instructionEndsOn: row.instructionEndsOn ? calendarDateFromDb(row.instructionEndsOn) : null,
    reason: row.reason,
  }));
}
