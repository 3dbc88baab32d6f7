/**
 * The demo of a 2027 deposit (issue 12): the ESPIC Association hospitalière Sainte-Ombeline
 * (account referentEspic, 2 EG, 450 agents, Auvergne-Rhône-Alpes) has its candidature and its
 * 2026 milestone accepted by the ARS. Once the admin moves the simulated date into the 2027
 * window (3 May – 11 June 2027), its referent can start the 2027 deposit at once.
 *
 * Built with the portal's own functions on a fixed clock, so that every row is what a real
 * journey leaves (submission snapshots, history, audit, decision and amounts):
 * 1. the 2026 candidature: started, completed, transmitted, accepted by the ARS ARA instructor;
 * 2. the IE maturity self-assessment: answered and validated by the referent (scores, NRU);
 * 3. the 2026 milestone deposit: the note de cadrage and the DAF's attestation uploaded as real
 *    PDF files to the portal's storage, the NRU, the expenses and the most lib/funding lets it
 *    request; transmitted, then accepted at the cap lib/funding computes (the ARS's default).
 * No e-mail is queued: this is past history, not news for the fictitious addresses.
 *
 * It runs after the seed's transaction, on the client itself, because these functions open
 * their own transactions. Each piece is created once and found again by its fixed number or id.
 */
import { Readable } from "node:stream";
import { DEMO_ACCOUNTS } from "../../lib/auth/demo-accounts";
import type { CurrentUser } from "../../lib/auth/current-user";
import type { Database } from "../../lib/db/client";
import { partHeadcount } from "../../lib/dossiers/dossier-view";
import { acceptDossier } from "../../lib/dossiers/instruction";
import { partAmounts } from "../../lib/dossiers/part-amounts";
import { attachDocument, loadDossier, saveCandidatureDraft, saveDepositDraft, startDossier, submitDossier } from "../../lib/dossiers/service";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS, formatEuros, sumCents, type ExpenseCategory } from "../../lib/funding";
import { DEFAULT_QUESTIONNAIRE } from "../../lib/self-assessment/default-questionnaire";
import { saveDraftAnswers, validateSelfAssessment } from "../../lib/self-assessment/service";
import { storeAuditedUpload } from "../../lib/storage/audited-upload";
import type { FileStorage } from "../../lib/storage/file-storage";
import { demoPdf } from "./demo-pdf";
import { DEMO_FINESS } from "./establishments";
import { GUICHET_CODES } from "./guichets";
import { validatedDemoAnswers } from "./questionnaire";

/** Fixed numbers outside the range of dossier_number_seq (like HC-C2026-900001), and a fixed id. */
export const ESPIC_DEMO = {
  finess: DEMO_FINESS.espic,
  candidatureNumber: "HC-C2026-900002",
  milestoneNumber: "HC-J2026-900001",
  selfAssessmentId: `demo-autoevaluation-${DEMO_FINESS.espic}`,
} as const;

/** The fixed clock of the journey, in Paris time; all of it before the demo date (1 June 2026). */
const AT = {
  candidatureStarted: new Date("2026-02-04T09:00:00+01:00"),
  candidatureSubmitted: new Date("2026-02-11T11:00:00+01:00"),
  candidatureAccepted: new Date("2026-03-04T15:00:00+01:00"),
  selfAssessmentCreated: new Date("2026-05-05T09:00:00+02:00"),
  selfAssessmentValidated: new Date("2026-05-06T16:30:00+02:00"),
  milestoneStarted: new Date("2026-05-11T09:30:00+02:00"),
  milestoneCompleted: new Date("2026-05-18T14:00:00+02:00"),
  milestoneSubmitted: new Date("2026-05-19T17:00:00+02:00"),
  milestoneAccepted: new Date("2026-05-28T10:00:00+02:00"),
};

const ESTABLISHMENT = "Association hospitalière Sainte-Ombeline";

const TEAM = {
  qualityLead: { name: "Agnès Roux", email: "a.roux@sainte-ombeline.demo" },
  businessRepresentative: { name: "Dr Karim Haddad", email: "k.haddad@sainte-ombeline.demo" },
  hrDirector: { name: "Sylvie Perrin", email: "s.perrin@sainte-ombeline.demo" },
  ciso: { name: "Lucas Fabre", email: "l.fabre@sainte-ombeline.demo" },
  cio: { name: "Antoine Lemaire", email: "a.lemaire@sainte-ombeline.demo" },
  programmeReferent: { name: "Inès Vidal", email: DEMO_ACCOUNTS.referentEspic.email },
  signatory: { name: "Bernard Chevalier", email: "b.chevalier@sainte-ombeline.demo" },
};

/** What the DAF attests it spent since 19 December 2025 (source 003's three categories), above the year's ceiling. */
const EXPENSES: Record<ExpenseCategory, number> = { rh_internes: 900_000, prestations_externes: 1_250_000, depenses_editeurs: 350_000 };

export async function seedEspicAcceptedMilestone(db: Database, storage: FileStorage): Promise<void> {
  if (await acceptedDemoDossier(db, ESPIC_DEMO.milestoneNumber)) return;
  const referent = await actingAs(db, DEMO_ACCOUNTS.referentEspic.email);
  const instructor = await actingAs(db, DEMO_ACCOUNTS.instructorAra.email);

  if (!(await acceptedDemoDossier(db, ESPIC_DEMO.candidatureNumber))) {
    const id = await startNumbered(db, referent, GUICHET_CODES.candidature2026, ESPIC_DEMO.candidatureNumber, AT.candidatureStarted);
    const { version } = await saveCandidatureDraft(db, referent, id, 0, { projectTeam: TEAM, ghtMandateKind: null }, AT.candidatureStarted);
    await submitDossier(db, referent, id, version, AT.candidatureSubmitted);
    await acceptDossier(db, instructor, id, await versionOf(db, id), {}, AT.candidatureAccepted);
  }

  const nru = await validatedSelfAssessment(db, referent);

  const id = await startNumbered(db, referent, GUICHET_CODES.milestone2026, ESPIC_DEMO.milestoneNumber, AT.milestoneStarted);
  for (const document of depositDocuments()) {
    const file = await storeAuditedUpload(db, referent, { stream: Readable.from([document.bytes]), originalName: document.name, purpose: document.kind, expectedBytes: document.bytes.length, storage });
    await attachDocument(db, referent, id, { kind: document.kind, fileId: file.id, legalEntities: [ESPIC_DEMO.finess] }, AT.milestoneCompleted);
  }
  // The most it may request: the amount the deposit form shows live (lib/funding, headcount from the SAE).
  const [part] = (await loadDossier(db, id)).legalEntities;
  if (!part) throw new Error(`demo dossier ${ESPIC_DEMO.milestoneNumber} has no part`);
  const requested = partAmounts({ headcount: partHeadcount(part), year: 2026, milestoneComplete: true, mandatoryObjectiveMet: null, objectivesReached: 0, expenses: EXPENSES }).capped;
  const { version } = await saveDepositDraft(
    db,
    referent,
    id,
    0,
    {
      attestations: { targetsReached: true, expensesTruthful: true },
      parts: [
        {
          legalEntityFiness: ESPIC_DEMO.finess,
          nru,
          expenses: EXPENSES,
          mandatoryObjectiveMet: null,
          objectivesReached: [],
          expenseDates: { firstInvoiceOn: "2026-01-12", lastInvoiceOn: "2026-05-06", lastPaymentOn: "" },
          requested,
        },
      ],
    },
    AT.milestoneCompleted,
  );
  await submitDossier(db, referent, id, version, AT.milestoneSubmitted);
  // No amount given: the ARS accepts at the cap of lib/dossiers/kinds/milestone-deposit (eligible capped at the expenses).
  await acceptDossier(db, instructor, id, await versionOf(db, id), {}, AT.milestoneAccepted);
}

/** The demo dossier of that number, if the seed already made it; a half-made one (an interrupted seed) is an error. */
async function acceptedDemoDossier(db: Database, number: string): Promise<boolean> {
  const row = await db.dossier.findUnique({ where: { number }, select: { status: true } });
  if (row && row.status !== "ACCEPTED") {
    throw new Error(`demo dossier ${number} is ${row.status}, not ACCEPTED: an earlier seed was interrupted; reset the demo database (rm -rf .data)`);
  }
  return row !== null;
}

/** The CurrentUser the portal builds for a signed-in account (lib/auth/session.ts). */
async function actingAs(db: Database, email: string): Promise<CurrentUser> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { legalEntities: { select: { legalEntityFiness: true } } } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, regionCode: user.regionCode, linkedLegalEntities: user.legalEntities.map((link) => link.legalEntityFiness) };
}

/**
 * startDossier, then the demo's fixed number in place of the one it drew from dossier_number_seq
 * (a direct write: the portal has no other way to name a dossier). Nothing has recorded the number
 * yet — the snapshot that quotes it is written at transmission.
 */
async function startNumbered(db: Database, referent: CurrentUser, guichetCode: string, number: string, at: Date): Promise<string> {
  const guichet = await db.guichet.findUniqueOrThrow({ where: { code: guichetCode }, select: { id: true } });
  const { id } = await startDossier(db, referent, { guichetId: guichet.id, carrierFiness: ESPIC_DEMO.finess }, at);
  await db.dossier.update({ where: { id }, data: { number } });
  return id;
}

async function versionOf(db: Database, id: string): Promise<number> {
  return (await db.dossier.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

/**
 * The referent's self-assessment, validated through the portal (scores, NRU, audit). The draft row
 * is written directly: createSelfAssessment stamps the server's clock, not the journey's.
 */
async function validatedSelfAssessment(db: Database, referent: CurrentUser): Promise<string> {
  const id = ESPIC_DEMO.selfAssessmentId;
  let row = await db.selfAssessment.findUnique({ where: { id } });
  if (!row) {
    row = await db.selfAssessment.create({
      data: { id, legalEntityFiness: ESPIC_DEMO.finess, questionnaireId: DEFAULT_QUESTIONNAIRE.id, status: "DRAFT", answers: {}, createdById: referent.id, createdAt: AT.selfAssessmentCreated },
    });
  }
  if (row.status === "DRAFT") {
    const sites = await db.site.findMany({ where: { legalEntityFiness: ESPIC_DEMO.finess }, select: { finess: true }, orderBy: { finess: "asc" } });
    const { version } = await saveDraftAnswers(db, referent, id, row.version, validatedDemoAnswers(sites.map((site) => site.finess)));
    return (await validateSelfAssessment(db, referent, id, version, AT.selfAssessmentValidated)).nru!;
  }
  return row.nru!;
}

/** The two documents the 2026 milestone asks of an EJ (source 003; lib/dossiers/submission-rules.ts). */
function depositDocuments(): { kind: "NOTE_DE_CADRAGE" | "EXPENSE_ATTESTATION"; name: string; bytes: Buffer }[] {
  const total = sumCents(EXPENSE_CATEGORIES.map((category) => EXPENSES[category]));
  return [
    {
      kind: "NOTE_DE_CADRAGE",
      name: "note-de-cadrage-sainte-ombeline-2026.pdf",
      bytes: demoPdf("Note de cadrage HospiConnect 2026", [
        `${ESTABLISHMENT} - FINESS EJ ${ESPIC_DEMO.finess}`,
        "Document de démonstration (données fictives).",
        "",
        "1. Contexte et enjeux : identification électronique des professionnels, consultation de Mon espace santé.",
        "2. Objectifs opérationnels, indicateurs de suivi et cibles 2027-2028.",
        "3. Organisation : comité de pilotage mensuel, DSI et direction des soins.",
        "4. Calendrier prévisionnel : MIE au 2nd semestre 2026, DMP intégré au DPI en 2027.",
        "5. Suivi et évaluation ; communication aux professionnels de santé.",
      ]),
    },
    {
      kind: "EXPENSE_ATTESTATION",
      name: "attestation-depenses-daf-sainte-ombeline-2026.pdf",
      bytes: demoPdf("Attestation sur l'honneur des dépenses engagées", [
        `${ESTABLISHMENT} - FINESS EJ ${ESPIC_DEMO.finess} - jalon 2026`,
        "Document de démonstration (données fictives).",
        "",
        "Je soussignée, directrice administrative et financière, atteste que les dépenses",
        "ci-dessous, engagées depuis le 19 décembre 2025, contribuent aux objectifs HospiConnect :",
        ...EXPENSE_CATEGORIES.map((category) => `- ${EXPENSE_CATEGORY_LABELS[category]} : ${formatEuros(EXPENSES[category])}`),
        `Total : ${formatEuros(total)}`,
        "",
        "Fait à Lyrac-sur-Saône, le 6 mai 2026. Signé : Claire Aubert, DAF.",
      ]),
    },
  ];
}
