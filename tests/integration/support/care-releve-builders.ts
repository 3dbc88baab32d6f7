import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import type { CareReleveDraft } from "@/lib/dossiers/kinds/care-releve/draft-schema";
import { saveCareReleveDraft } from "@/lib/dossiers/kinds/care-releve/store";
import { attachDocument, startDossier } from "@/lib/dossiers/service";
import { asCurrentUser, createGuichet, createLegalEntity, createSelfAssessment, createSite, createStoredFile, createUser } from "./factories";

/** 39 380,00 € — the « Montant plafond au titre du domaine HospiConnect CaRE » shown in source 003_7e8834ec9bc46d44.txt. */
export const SOURCE_ENVELOPE = 3_938_000;

/** Source 003: « Du 15 juin au 15 juillet 2026 ». */
export const inCare2026 = new Date("2026-06-20T10:00:00+02:00");
export const inCareInstruction2026 = new Date("2026-08-03T10:00:00+02:00");

/** A HospiConnect/CaRE relève guichet (programme HOSPICONNECT_CARE, kind CARE_RELEVE), at source 003's dates unless told. */
export async function careGuichet(db: Database, year = 2026, dates?: { opensOn: string; closesOn: string; instructionEndsOn: string }) {
  return createGuichet(db, { kind: "CARE_RELEVE", programme: "HOSPICONNECT_CARE", year, ...(dates ?? { opensOn: `${year}-06-15`, closesOn: `${year}-07-15`, instructionEndsOn: `${year}-09-30` }) });
}

export async function setEnvelope(db: Database, finess: string, amountCents = SOURCE_ENVELOPE) {
  await db.careEnvelope.upsert({ where: { legalEntityFiness: finess }, update: { amountCents: BigInt(amountCents) }, create: { legalEntityFiness: finess, amountCents: BigInt(amountCents), setAt: new Date(), reason: "Test" } });
}

/** An EJ with its envelope and its referent. */
export async function careEj(db: Database, regionCode = "84", envelope: number | null = SOURCE_ENVELOPE) {
  const ej = await createLegalEntity(db, { regionCode });
  await createSite(db, { legalEntityFiness: ej.finess, staff: [{ year: 2024, salaried: 700, liberal: 100 }] });
  if (envelope !== null) await setEnvelope(db, ej.finess, envelope);
  const referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [ej.finess] }), [ej.finess]);
  return { ej, referent };
}

export function expenseLine(finess: string, overrides: Partial<CareReleveDraft["expenses"][number]> = {}): CareReleveDraft["expenses"][number] {
  return {
    id: `l${Math.random().toString(36).slice(2, 10)}`,
    legalEntityFiness: finess,
    category: "prestations_externes",
    description: "Lecteurs de cartes CPS",
    supplier: "Société Lecteurs Santé",
    invoiceNumber: "F-2026-0042",
    invoiceDate: "2026-03-12",
    amount: 3_000_000,
    ...overrides,
  };
}

export function careDraft(finess: string, nru: string | null, requested: number | null, overrides: Partial<CareReleveDraft> = {}): CareReleveDraft {
  return { targetsReached: true, parts: [{ legalEntityFiness: finess, nru, requested }], expenses: [expenseLine(finess)], precisions: "", ...overrides };
}

/**
 * A complete relève of `finess` at `guichetId`, ready to transmit at `at`: note de cadrage (unless
 * `noteDeCadrage: false`), a self-assessment validated in the year, the financial template, one line.
 */
export async function readyReleve(
  db: Database,
  referent: CurrentUser,
  finess: string,
  guichetId: string,
  at: Date,
  options: { requested: number; validatedAt?: Date; expenses?: CareReleveDraft["expenses"]; noteDeCadrage?: boolean },
) {
  const { id } = await startDossier(db, referent, { guichetId, carrierFiness: finess }, at);
  const assessment = await createSelfAssessment(db, { legalEntityFiness: finess, createdById: referent.id, status: "VALIDATED", validatedAt: options.validatedAt ?? new Date(at.getTime() - 86_400_000) });
  const kinds = options.noteDeCadrage === false ? (["CARE_FINANCIAL_STATEMENT"] as const) : (["NOTE_DE_CADRAGE", "CARE_FINANCIAL_STATEMENT"] as const);
  for (const kind of kinds) {
    const file = await createStoredFile(db, referent.id, kind === "NOTE_DE_CADRAGE" ? "note-de-cadrage.pdf" : "trame-financiere.pdf");
    await attachDocument(db, referent, id, { kind, fileId: file.id, legalEntities: [finess] }, at);
  }
  const { version } = await saveCareReleveDraft(db, referent, id, 0, careDraft(finess, assessment.nru, options.requested, options.expenses ? { expenses: options.expenses } : {}), at);
  return { id, version, nru: assessment.nru };
}
