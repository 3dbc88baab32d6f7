/**
 * Small factories: each test builds exactly the data it needs. FINESS numbers
 * are generated and unique per call, so tests never share mutable fixtures.
 */
import type { Database } from "@/lib/db/client";
import type { LegalStatus, Role } from "@/lib/generated/prisma/enums";
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
