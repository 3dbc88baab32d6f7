/**
 * Small factories: each test builds exactly the data it needs. FINESS numbers
 * are generated and unique per call, so tests never share mutable fixtures.
 */
import type { Database } from "@/lib/db/client";
import type { GuichetKind, LegalStatus, Programme, Role } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/current-user";

let sequence = 0;
export function nextFiness(): string {
  sequence += 1;
  return `98${String(process.pid % 1000).padStart(3, "0")}${String(sequence).padStart(4, "0")}`;
}

export async function createRegion(db: Database, code: string, name = `Région ${code}`) {
  return db.region.upsert({ where: { code }, update: {}, create: { code, name } });
}

export async function createLegalEntity(
  db: Database,
  input: { regionCode: string; name?: string; legalStatus?: LegalStatus; category?: string; ghtId?: string; finess?: string },
) {
  await createRegion(db, input.regionCode);
  const finess = input.finess ?? nextFiness();
  return db.legalEntity.create({
    data: {
      finess,
      name: input.name ?? `EJ ${finess}`,
      legalStatus: input.legalStatus ?? "PUBLIC",
      category: input.category ?? "1102",
      regionCode: input.regionCode,
      ghtId: input.ghtId,
    },
  });
}

export async function createSite(
  db: Database,
  input: { legalEntityFiness: string; staff?: { year: number; salaried: number; liberal: number }[]; name?: string },
) {
  const finess = nextFiness();
  return db.site.create({
    data: {
      finess,
      name: input.name ?? `EG ${finess}`,
      category: "355",
      legalEntityFiness: input.legalEntityFiness,
      staffCounts: { create: input.staff ?? [] },
    },
  });
}

export async function createGht(db: Database, input: { regionCode: string; supportFiness: string; memberFiness: string[]; code?: string }) {
  const ght = await db.ght.create({
    data: { code: input.code ?? `G${nextFiness()}`, name: "GHT de test", regionCode: input.regionCode, supportFiness: input.supportFiness },
  });
  await db.legalEntity.updateMany({ where: { finess: { in: [input.supportFiness, ...input.memberFiness] } }, data: { ghtId: ght.id } });
  return ght;
}

export async function createUser(
  db: Database,
  input: { role: Role; regionCode?: string; legalEntities?: string[]; email?: string; passwordHash?: string; active?: boolean },
) {
  if (input.regionCode) await createRegion(db, input.regionCode);
  sequence += 1;
  const email = input.email ?? `user${sequence}-${process.pid}@test.guichet.fr`;
  return db.user.create({
    data: {
      email,
      name: `Utilisateur ${sequence}`,
      passwordHash: input.passwordHash ?? "not-a-hash",
      role: input.role,
      regionCode: input.regionCode,
      active: input.active ?? true,
      legalEntities: { create: (input.legalEntities ?? []).map((legalEntityFiness) => ({ legalEntityFiness })) },
    },
  });
}

/** The CurrentUser the app would build for this account. */
export function asCurrentUser(user: { id: string; email: string; name: string; role: Role; regionCode: string | null }, linkedLegalEntities: string[] = []): CurrentUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, regionCode: user.regionCode, linkedLegalEntities };
}

export async function createGuichet(
  db: Database,
  input: { kind: GuichetKind; year: number; opensOn: string; closesOn: string; instructionEndsOn: string; programme?: Programme },
) {
  sequence += 1;
  return db.guichet.create({
    data: {
      code: `TEST-${input.kind}-${input.year}-${process.pid}-${sequence}`,
      programme: input.programme ?? "HOSPICONNECT_HOPEN2",
      kind: input.kind,
      year: input.year,
      label: `Guichet de test ${input.kind} ${input.year}`,
      opensOn: new Date(`${input.opensOn}T00:00:00Z`),
      closesOn: new Date(`${input.closesOn}T00:00:00Z`),
      instructionEndsOn: new Date(`${input.instructionEndsOn}T00:00:00Z`),
    },
  });
}

export async function createStoredFile(db: Database, uploadedById: string, name = "document.pdf") {
  sequence += 1;
  return db.storedFile.create({
    data: {
      storageKey: `test/${process.pid}/${sequence}`,
      originalName: name,
      sizeBytes: BigInt(1024),
      sha256: sequence.toString(16).padStart(64, "0"),
      mediaType: "application/pdf",
      uploadedById,
    },
  });
}

export async function createSelfAssessment(
  db: Database,
  input: { legalEntityFiness: string; createdById: string; status: "DRAFT" | "VALIDATED"; validatedAt?: Date; nru?: string },
) {
  await db.questionnaire.upsert({ where: { id: "test-questionnaire" }, update: {}, create: { id: "test-questionnaire", title: "Questionnaire de test", definition: {} } });
  sequence += 1;
  return db.selfAssessment.create({
    data: {
      legalEntityFiness: input.legalEntityFiness,
      questionnaireId: "test-questionnaire",
      status: input.status,
      nru: input.status === "VALIDATED" ? (input.nru ?? `IE-TEST-${process.pid}-${sequence}`) : null,
      validatedAt: input.status === "VALIDATED" ? (input.validatedAt ?? new Date("2026-05-15T10:00:00Z")) : null,
      createdById: input.createdById,
    },
  });
}
