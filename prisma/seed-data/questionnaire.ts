/**
 * Demo data of the IE maturity self-assessment: the default questionnaire, one VALIDATED
 * self-assessment of the GHT support EJ (validated on 15 May 2026, with its NRU and scores) and
 * one DRAFT of the multi-site EJ of the referentEj account.
 *
 * Idempotent: the questionnaire is upserted on its id (title and definition put back); the two
 * self-assessments have fixed ids and are created once — never updated afterwards, since a
 * validated self-assessment is immutable and a demo draft may have been edited on purpose.
 */
import { DEMO_ACCOUNTS } from "../../lib/auth/demo-accounts";
import type { Prisma } from "../../lib/generated/prisma/client";
import { DEFAULT_QUESTIONNAIRE } from "../../lib/self-assessment/default-questionnaire";
import { nruFor } from "../../lib/self-assessment/nru";
import { questionsOf } from "../../lib/self-assessment/questionnaire-definition";
import { computeScores, type Answers } from "../../lib/self-assessment/scoring";
import { nextNruSequence } from "../../lib/self-assessment/service";
import { DEMO_FINESS } from "./establishments";

type Tx = Prisma.TransactionClient;

export const DEMO_SELF_ASSESSMENT_IDS = {
  validatedGhtSupport: "demo-autoevaluation-998400105",
  draftMultiSiteEj: "demo-autoevaluation-998400402",
} as const;

/** 15 May 2026, 10:00 in Paris. */
export const DEMO_VALIDATED_AT = new Date("2026-05-15T10:00:00+02:00");

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/**
 * Levels of the validated demo: a 2026 starting point, the per-EG questions uneven across the three EG.
 * Also the answers of the ESPIC's validated self-assessment (prisma/seed-data/accepted-milestone.ts).
 */
export function validatedDemoAnswers(siteFinesses: readonly string[]): Answers {
  const base: Record<string, number> = {
    "identites.rpps-professions-ordre": 2,
    "identites.rpps-enregistrement-employeur": 1,
    "identites.referentiel-identites": 2,
    "comptes.procedure-mouvements": 3,
    "comptes.base-centralisee": 2,
    "comptes.revue-habilitations": 3,
    "mie-2fa.equipement-medecins-ide": 2,
    "mie-2fa.authentification-nominale": 1,
    "mie-2fa.conformite-rie": 2,
    "acces-dmp.homologation-air-psc": 2,
    "acces-dmp.acces-integre-utilisateurs": 1,
    "acces-dmp.habilitations-dmp": 2,
    "consentement.part-flux-mensuel": 2,
    "consentement.organisation-recueil": 2,
    "consentement.tracabilite-ins": 3,
    "consultation-dmp.part-utilisateurs-td31": 1,
    "consultation-dmp.suivi-indicateur": 2,
    "consultation-dmp.accompagnement-professionnels": 1,
  };
  // Per EG on two questions: the main site ahead, the long-term care unit behind.
  const perSite: Record<string, number[]> = {
    "mie-2fa.equipement-medecins-ide": [3, 2, 0],
    "consentement.part-flux-mensuel": [3, 2, 1],
  };
  const answers: Answers = {};
  for (const { question } of questionsOf(DEFAULT_QUESTIONNAIRE)) {
    const levels = perSite[question.id];
    answers[question.id] =
      levels && question.perSite
        ? { mode: "perSite", levels: Object.fromEntries(siteFinesses.map((finess, index) => [finess, levels[index] ?? levels[0] ?? 0])) }
        : { mode: "global", level: base[question.id] ?? 0 };
  }
  return answers;
}

/** The draft: the first dimension answered, the rest to do. */
const DRAFT_DEMO_ANSWERS: Answers = {
  "identites.rpps-professions-ordre": { mode: "global", level: 3 },
  "identites.rpps-enregistrement-employeur": { mode: "global", level: 1 },
  "identites.referentiel-identites": { mode: "global", level: 2 },
};

export async function seedSelfAssessments(tx: Tx): Promise<{ questionnaires: number; selfAssessments: number }> {
  const definition = json(DEFAULT_QUESTIONNAIRE);
  await tx.questionnaire.upsert({
    where: { id: DEFAULT_QUESTIONNAIRE.id },
    create: { id: DEFAULT_QUESTIONNAIRE.id, title: DEFAULT_QUESTIONNAIRE.title, definition },
    update: { title: DEFAULT_QUESTIONNAIRE.title, definition },
  });

  const ghtReferent = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.referentGht.email }, select: { id: true } });
  const ejReferent = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.referentEj.email }, select: { id: true } });

  const validatedId = DEMO_SELF_ASSESSMENT_IDS.validatedGhtSupport;
  if (!(await tx.selfAssessment.findUnique({ where: { id: validatedId }, select: { id: true } }))) {
    const sites = await tx.site.findMany({ where: { legalEntityFiness: DEMO_FINESS.ghtSupport }, select: { finess: true, name: true }, orderBy: { finess: "asc" } });
    const answers = validatedDemoAnswers(sites.map((site) => site.finess));
    // The NRU comes from the same sequence as real validations, so it never collides with one.
    const nru = nruFor(DEMO_VALIDATED_AT, DEMO_FINESS.ghtSupport, await nextNruSequence(tx));
    await tx.selfAssessment.create({
      data: {
        id: validatedId,
        legalEntityFiness: DEMO_FINESS.ghtSupport,
        questionnaireId: DEFAULT_QUESTIONNAIRE.id,
        status: "VALIDATED",
        nru,
        answers: json(answers),
        scores: json(computeScores(DEFAULT_QUESTIONNAIRE, answers, sites)),
        version: 1,
        createdById: ghtReferent.id,
        validatedById: ghtReferent.id,
        validatedAt: DEMO_VALIDATED_AT,
        createdAt: new Date("2026-05-12T09:00:00+02:00"),
      },
    });
  }

  const draftId = DEMO_SELF_ASSESSMENT_IDS.draftMultiSiteEj;
  await tx.selfAssessment.upsert({
    where: { id: draftId },
    create: {
      id: draftId,
      legalEntityFiness: DEMO_FINESS.multiSiteEj,
      questionnaireId: DEFAULT_QUESTIONNAIRE.id,
      status: "DRAFT",
      answers: json(DRAFT_DEMO_ANSWERS),
      createdById: ejReferent.id,
      createdAt: new Date("2026-05-20T14:00:00+02:00"),
    },
    update: {},
  });
  return { questionnaires: 1, selfAssessments: 2 };
}
