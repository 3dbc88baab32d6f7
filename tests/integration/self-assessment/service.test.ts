import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { setClockForTests } from "@/lib/clock";
import type { Database } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "@/lib/errors";
import { DEFAULT_QUESTIONNAIRE, DEFAULT_QUESTIONNAIRE_ID } from "@/lib/self-assessment/default-questionnaire";
import { parseNru } from "@/lib/self-assessment/nru";
import { questionsOf } from "@/lib/self-assessment/questionnaire-definition";
import type { Answers } from "@/lib/self-assessment/scoring";
import {
  assertUsableForDeposit,
  createSelfAssessment,
  duplicateSelfAssessment,
  findValidatedByNru,
  getSelfAssessment,
  listSelfAssessments,
  saveDraftAnswers,
  validateSelfAssessment,
} from "@/lib/self-assessment/service";
import { asCurrentUser, createGht, createLegalEntity, createRegion, createSite, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let ej: { finess: string };
let member: { finess: string };
let sites: { finess: string }[];
let referent: CurrentUser;
let ghtReferent: CurrentUser;
let otherReferent: CurrentUser;
let instructor: CurrentUser;
let otherInstructor: CurrentUser;

const AT = new Date("2026-05-15T10:00:00+02:00");
const questions = questionsOf(DEFAULT_QUESTIONNAIRE);

/** Every question at `level`; the per-EG questions per EG with the given levels. */
function completeAnswers(level: number, perSiteLevels?: number[]): Answers {
  return Object.fromEntries(
    questions.map(({ question }) => [
      question.id,
      question.perSite && perSiteLevels
        ? { mode: "perSite" as const, levels: Object.fromEntries(sites.map((site, index) => [site.finess, perSiteLevels[index] ?? level])) }
        : { mode: "global" as const, level },
    ]),
  );
}

async function validatedFor(user: CurrentUser, finess: string, at: Date) {
  const draft = await createSelfAssessment(db, user, finess);
  const saved = await saveDraftAnswers(db, user, draft.id, draft.version, completeAnswers(2));
  return validateSelfAssessment(db, user, draft.id, saved.version, at);
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const support = await createLegalEntity(db, { regionCode: "84", name: "CH support" });
  const memberEj = await createLegalEntity(db, { regionCode: "84", name: "CH membre" });
  const main = await createLegalEntity(db, { regionCode: "84", name: "CH de Montbrasset" });
  const other = await createLegalEntity(db, { regionCode: "84", name: "CH voisin" });
  await createGht(db, { regionCode: "84", supportFiness: support.finess, memberFiness: [memberEj.finess] });
  await createSite(db, { legalEntityFiness: memberEj.finess });
  ej = main;
  member = memberEj;
  sites = [await createSite(db, { legalEntityFiness: main.finess }), await createSite(db, { legalEntityFiness: main.finess })];
  referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [main.finess] }), [main.finess]);
  ghtReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [support.finess] }), [support.finess]);
  otherReferent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [other.finess] }), [other.finess]);
  instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  await createRegion(db, "53");
  otherInstructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
});

afterEach(() => setClockForTests(null));

describe("creating a self-assessment (source 003: « création d'un nouveau formulaire »)", () => {
  it("makes a DRAFT on the current questionnaire, version 0, no NRU, and records an audit event", async () => {
    const created = await createSelfAssessment(db, referent, ej.finess);
    expect(created).toMatchObject({ status: "DRAFT", version: 0, nru: null, questionnaireId: DEFAULT_QUESTIONNAIRE_ID, answers: {}, scores: null });
    expect(created.progress).toEqual({ answered: 0, total: questions.length });
    expect(created.legalEntity.sites.map((site) => site.finess).sort()).toEqual(sites.map((site) => site.finess).sort());
    expect(created.createdBy?.id).toBe(referent.id);
    const audit = await db.auditEvent.findMany({ where: { subject: `self-assessment:${created.id}` } });
    expect(audit.map((event) => [event.action, event.actorId, event.actorRole])).toEqual([["self-assessment.created", referent.id, "ESTABLISHMENT_REFERENT"]]);
    expect((await listSelfAssessments(db, referent, ej.finess)).map((item) => item.id)).toContain(created.id);
  });

  it("dates it with the server clock (lib/clock), so the demo's simulated date applies", async () => {
    setClockForTests(new Date("2026-06-01T10:00:00+02:00"));
    const created = await createSelfAssessment(db, referent, ej.finess);
    const copy = await duplicateSelfAssessment(db, referent, created.id);
    expect([created.createdAt.toISOString(), copy.createdAt.toISOString()]).toEqual(["2026-06-01T08:00:00.000Z", "2026-06-01T08:00:00.000Z"]);
  });

  it("lets the referent of a GHT support EJ act for a member EJ", async () => {
    const created = await createSelfAssessment(db, ghtReferent, member.finess);
    expect(created.legalEntityFiness).toBe(member.finess);
  });

  it("refuses a referent of another EJ (ForbiddenError), an instructor (cannot write), an unknown EJ (NotFoundError)", async () => {
    await expect(createSelfAssessment(db, otherReferent, ej.finess)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSelfAssessment(db, instructor, ej.finess)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSelfAssessment(db, referent, "990000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listSelfAssessments(db, otherReferent, ej.finess)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("autosave of a draft with optimistic concurrency", () => {
  it("saves partial answers and increments the version; a stale version gets ConflictError and overwrites nothing", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    const first = await saveDraftAnswers(db, referent, draft.id, 0, { "identites.rpps-professions-ordre": { mode: "global", level: 3 } });
    expect(first.version).toBe(1);
    // A second tab still holding version 0:
    await expect(saveDraftAnswers(db, referent, draft.id, 0, { "identites.rpps-professions-ordre": { mode: "global", level: 1 } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const second = await saveDraftAnswers(db, referent, draft.id, first.version, {
      "identites.rpps-professions-ordre": { mode: "perSite", levels: { [sites[0]!.finess]: 4 } },
      "comptes.revue-habilitations": { mode: "global", level: 0 },
    });
    expect(second.version).toBe(2);
    const reloaded = await getSelfAssessment(db, referent, draft.id);
    expect(reloaded.version).toBe(2);
    expect(reloaded.answers).toEqual({
      "identites.rpps-professions-ordre": { mode: "perSite", levels: { [sites[0]!.finess]: 4 } },
      "comptes.revue-habilitations": { mode: "global", level: 0 },
    });
    // Only the EJ-wide question counts: the per-EG one misses an EG.
    expect(reloaded.progress.answered).toBe(1);
  });

  it("refuses answers that do not fit the questionnaire or the EJ's EG, saving nothing", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    const refusal = saveDraftAnswers(db, referent, draft.id, 0, {
      "comptes.revue-habilitations": { mode: "global", level: 9 },
      "identites.rpps-professions-ordre": { mode: "perSite", levels: { [member.finess]: 1 } },
    });
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await refusal.catch((error: ValidationError) => {
      expect(Object.keys(error.fieldErrors).sort()).toEqual(["comptes.revue-habilitations", "identites.rpps-professions-ordre"]);
    });
    expect((await getSelfAssessment(db, referent, draft.id)).version).toBe(0);
  });

  it("refuses writes by an instructor and by a referent of another EJ; the instructor of the region may read", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    await expect(saveDraftAnswers(db, instructor, draft.id, 0, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveDraftAnswers(db, otherReferent, draft.id, 0, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(validateSelfAssessment(db, instructor, draft.id, 0, AT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(duplicateSelfAssessment(db, instructor, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getSelfAssessment(db, instructor, draft.id)).id).toBe(draft.id);
    await expect(getSelfAssessment(db, otherInstructor, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getSelfAssessment(db, otherReferent, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getSelfAssessment(db, referent, "inconnu")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("validation: complete answers, scores, NRU, then immutable", () => {
  it("refuses an incomplete self-assessment, listing the missing questions (source 000: « dans son intégralité »)", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    const answers = completeAnswers(3, [2, 4]);
    delete answers["consentement.tracabilite-ins"];
    answers["consentement.part-flux-mensuel"] = { mode: "perSite", levels: { [sites[0]!.finess]: 3 } };
    const saved = await saveDraftAnswers(db, referent, draft.id, 0, answers);
    const refusal = validateSelfAssessment(db, referent, draft.id, saved.version, AT);
    await expect(refusal).rejects.toThrow(ValidationError);
    await refusal.catch((error: ValidationError) => {
      expect(error.userMessage).toBe("L'autoévaluation n'est pas complète : 2 questions restent à renseigner.");
      expect(Object.keys(error.fieldErrors).sort()).toEqual(["consentement.part-flux-mensuel", "consentement.tracabilite-ins"]);
      expect(error.fieldErrors["consentement.part-flux-mensuel"]?.[0]).toContain(sites[1]!.finess);
    });
    const after = await getSelfAssessment(db, referent, draft.id);
    expect(after).toMatchObject({ status: "DRAFT", nru: null, version: saved.version });
  });

  it("validates a complete one: per-EG means in the scores, NRU of the year in Paris, audit; later writes → InvalidStateError", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    // Every question at 3 (75 %), the per-EG ones at 2 and 4 on the two EG: mean 3 (source 003).
    const saved = await saveDraftAnswers(db, referent, draft.id, 0, completeAnswers(3, [2, 4]));
    const validated = await validateSelfAssessment(db, referent, draft.id, saved.version, AT);
    expect(validated).toMatchObject({ status: "VALIDATED", validatedAt: AT, version: saved.version + 1 });
    expect(validated.validatedBy?.id).toBe(referent.id);
    expect(validated.scores?.overall).toEqual({ percent: 75, exact: "3/4" });
    expect(validated.scores?.dimensions.map((dimension) => dimension.percent)).toEqual([75, 75, 75, 75, 75, 75]);
    expect(validated.nru).toMatch(new RegExp(`^IE-2026-${ej.finess}-\\d{6}$`));
    expect(parseNru(validated.nru!)?.legalEntityFiness).toBe(ej.finess);
    const audit = await db.auditEvent.findFirst({ where: { subject: `self-assessment:${draft.id}`, action: "self-assessment.validated" } });
    expect(audit?.details).toMatchObject({ nru: validated.nru, overallPercent: 75 });

    await expect(saveDraftAnswers(db, referent, draft.id, validated.version, {})).rejects.toBeInstanceOf(InvalidStateError);
    await expect(saveDraftAnswers(db, referent, draft.id, saved.version, {})).rejects.toBeInstanceOf(InvalidStateError);
    await expect(validateSelfAssessment(db, referent, draft.id, validated.version, AT)).rejects.toBeInstanceOf(InvalidStateError);
    const stored = await db.selfAssessment.findUniqueOrThrow({ where: { id: draft.id } });
    expect([stored.status, stored.nru, stored.version]).toEqual(["VALIDATED", validated.nru, validated.version]);
  });

  it("gives every validation its own NRU and takes the year in Paris time (31 Dec 2026 23:30 UTC → 2027)", async () => {
    const a = await validatedFor(referent, ej.finess, AT);
    const b = await validatedFor(referent, ej.finess, new Date("2026-12-31T23:30:00Z"));
    expect(a.nru).not.toBe(b.nru);
    expect(b.nru).toMatch(/^IE-2027-/);
    expect(new Set((await db.selfAssessment.findMany({ where: { nru: { not: null } } })).map((row) => row.nru)).size).toBe(
      await db.selfAssessment.count({ where: { nru: { not: null } } }),
    );
  });

  it("lets only one of two concurrent validations of the same version succeed", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    const saved = await saveDraftAnswers(db, referent, draft.id, 0, completeAnswers(1));
    const results = await Promise.allSettled([
      validateSelfAssessment(db, referent, draft.id, saved.version, AT),
      validateSelfAssessment(db, referent, draft.id, saved.version, AT),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && (rejected.reason instanceof ConflictError || rejected.reason instanceof InvalidStateError)).toBe(true);
  });

  it("refuses a validation naming an old version (someone saved meanwhile)", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    const saved = await saveDraftAnswers(db, referent, draft.id, 0, completeAnswers(1));
    await saveDraftAnswers(db, referent, draft.id, saved.version, completeAnswers(2));
    await expect(validateSelfAssessment(db, referent, draft.id, saved.version, AT)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("duplication (source 003: « duplication d'un formulaire existant »)", () => {
  it("copies the answers of a validated one into a new DRAFT linked to its source, and records it", async () => {
    const source = await validatedFor(referent, ej.finess, AT);
    const copy = await duplicateSelfAssessment(db, referent, source.id);
    expect(copy).toMatchObject({ status: "DRAFT", version: 0, nru: null, scores: null, validatedAt: null, duplicatedFromId: source.id });
    expect(copy.answers).toEqual(source.answers);
    expect(copy.id).not.toBe(source.id);
    const audit = await db.auditEvent.findFirst({ where: { subject: `self-assessment:${copy.id}` } });
    expect(audit).toMatchObject({ action: "self-assessment.duplicated", actorId: referent.id });
    expect(audit?.details).toMatchObject({ sourceId: source.id, sourceNru: source.nru });
    // The source is untouched.
    expect((await getSelfAssessment(db, referent, source.id)).status).toBe("VALIDATED");
  });

  it("duplicates a draft too, and refuses a referent of another EJ", async () => {
    const draft = await createSelfAssessment(db, referent, ej.finess);
    await saveDraftAnswers(db, referent, draft.id, 0, { "comptes.revue-habilitations": { mode: "global", level: 2 } });
    const copy = await duplicateSelfAssessment(db, referent, draft.id);
    expect(copy.answers).toEqual({ "comptes.revue-habilitations": { mode: "global", level: 2 } });
    await expect(duplicateSelfAssessment(db, otherReferent, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("NRU quoted in a deposit (source 003)", () => {
  it("finds a validated self-assessment by its NRU within the scope, whatever the case and spaces", async () => {
    const validated = await validatedFor(referent, ej.finess, AT);
    expect((await findValidatedByNru(db, referent, ` ${validated.nru!.toLowerCase()} `)).id).toBe(validated.id);
    expect((await findValidatedByNru(db, instructor, validated.nru!)).id).toBe(validated.id);
    await expect(findValidatedByNru(db, otherReferent, validated.nru!)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findValidatedByNru(db, referent, "IE-2026-123")).rejects.toBeInstanceOf(ValidationError);
    await expect(findValidatedByNru(db, referent, `IE-2026-${ej.finess}-999999`)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("accepts one of the EJ validated between 1 January of the guichet's year and the deposit", async () => {
    const validated = await validatedFor(referent, ej.finess, AT);
    expect(() => assertUsableForDeposit(validated, ej.finess, 2026, new Date("2026-06-26T12:00:00+02:00"))).not.toThrow();
  });

  it("refuses another EJ's, a draft, one validated before 1 January (Paris) of the guichet's year, one validated after the deposit", async () => {
    const validated = await validatedFor(referent, ej.finess, AT);
    const deposit = new Date("2026-06-26T12:00:00+02:00");
    const messageOf = (run: () => void): string | undefined => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).fieldErrors.nru?.[0];
      }
      return undefined;
    };
    expect(messageOf(() => assertUsableForDeposit(validated, member.finess, 2026, deposit))).toBe("Ce NRU correspond à une autre entité juridique.");

    const draft = await createSelfAssessment(db, referent, ej.finess);
    expect(messageOf(() => assertUsableForDeposit(draft, ej.finess, 2026, deposit))).toBe("Cette autoévaluation n'est pas validée.");

    // 31 December 2025 at 23:59:59 in Paris is still 2025: refused for the 2026 guichet…
    const late2025 = await validatedFor(referent, ej.finess, new Date("2025-12-31T22:59:59Z"));
    expect(late2025.nru).toMatch(/^IE-2025-/);
    expect(messageOf(() => assertUsableForDeposit(late2025, ej.finess, 2026, deposit))).toMatch(/^Cette autoévaluation a été validée le 31 décembre 2025, avant le 1er janvier 2026/);
    // …while 1 January 2026 at 00:00 in Paris (23:00 UTC the day before) is accepted.
    const early2026 = await validatedFor(referent, ej.finess, new Date("2025-12-31T23:00:00Z"));
    expect(messageOf(() => assertUsableForDeposit(early2026, ej.finess, 2026, deposit))).toBeUndefined();

    expect(messageOf(() => assertUsableForDeposit(validated, ej.finess, 2026, new Date("2026-05-15T07:59:59Z")))).toBe(
      "Cette autoévaluation a été validée après la date du dépôt.",
    );
  });
});
