/**
 * Demo data of the Guichet HospiConnect: reference data (the 18 ARS regions), fictitious
 * establishments (EJ, EG, a GHT, SAE staff counts, activité combinée), the official calendar
 * of guichets, and the demo accounts of lib/auth/demo-accounts.ts.
 *
 * Idempotent: every row is upserted on its natural key (region code, FINESS, GHT code, SAE
 * year, guichet code, e-mail), so re-running creates no duplicates and puts back the demo
 * values (names, dates, staff counts, GHT membership, referent links, demo passwords, account
 * locks) if they were changed. Rows that are not demo data are never touched.
 *
 * Then, outside that transaction, the ESPIC's accepted 2026 milestone (created once, through the
 * portal's own functions: prisma/seed-data/accepted-milestone.ts), whose documents go to `storage`.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../lib/auth/demo-accounts";
import { requiresSecondFactor } from "../lib/auth/second-factor/policy";
import { seal } from "../lib/auth/second-factor/secret-box";
import { hashPassword } from "../lib/auth/password";
import { Prisma, type PrismaClient, type Role } from "../lib/generated/prisma/client";
import { DEMO_FINESS, GHTS, LEGAL_ENTITIES, combinedActivityRows } from "./seed-data/establishments";
import { GUICHETS, type IsoDate } from "./seed-data/guichets";
import { getFileStorage, type FileStorage } from "../lib/storage";
import { seedEspicAcceptedMilestone } from "./seed-data/accepted-milestone";
import { seedDemoCareEnvelopes } from "./seed-data/care-envelopes";
import { seedDemoDossiers } from "./seed-data/dossiers";
import { seedSelfAssessments } from "./seed-data/questionnaire";
import { REGIONS } from "./seed-data/regions";

export interface SeedReport {
  regions: number;
  legalEntities: number;
  sites: number;
  ghts: number;
  staffCounts: number;
  combinedActivities: number;
  guichets: number;
  users: number;
  referentLinks: number;
}

/**
 * A second referent of the referentEj EJ, to show that several referents can act for the same
 * EJ. Seed-only (not listed in DEMO_ACCOUNTS); same password as the other demo accounts.
 */
export const SECOND_EJ_REFERENT_EMAIL = "referente2.ej@demo.guichet.fr";

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** ARS region of an ARS instructor, null otherwise (the ANS instructor is national). */
  regionCode: string | null;
  /** FINESS juridique the referent acts for (a GHT support EJ stands for its whole GHT). */
  legalEntities: readonly string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: DEMO_ACCOUNTS.referentEj.email,
    name: "Claire Rousseau",
    role: "ESTABLISHMENT_REFERENT",
    regionCode: null,
    legalEntities: [DEMO_FINESS.multiSiteEj],
  },
  {
    email: SECOND_EJ_REFERENT_EMAIL,
    name: "Sophie Garnier",
    role: "ESTABLISHMENT_REFERENT",
    regionCode: null,
    legalEntities: [DEMO_FINESS.multiSiteEj],
  },
  {
    // Linked to the support EJ only: the portal derives the other EJ of the GHT.
    email: DEMO_ACCOUNTS.referentGht.email,
    name: "Julien Morel",
    role: "ESTABLISHMENT_REFERENT",
    regionCode: null,
    legalEntities: [DEMO_FINESS.ghtSupport],
  },
  {
    email: DEMO_ACCOUNTS.referentClinique.email,
    name: "Maël Le Gall",
    role: "ESTABLISHMENT_REFERENT",
    regionCode: null,
    legalEntities: [DEMO_FINESS.clinic],
  },
  {
    // Used by no browser journey: its accepted 2026 milestone stays as seeded, to show a 2027 deposit.
    email: DEMO_ACCOUNTS.referentEspic.email,
    name: "Inès Vidal",
    role: "ESTABLISHMENT_REFERENT",
    regionCode: null,
    legalEntities: [DEMO_FINESS.espic],
  },
  {
    email: DEMO_ACCOUNTS.instructorAra.email,
    name: "Nadia Benali",
    role: "ARS_INSTRUCTOR",
    regionCode: "84",
    legalEntities: [],
  },
  {
    email: DEMO_ACCOUNTS.instructorBretagne.email,
    name: "Yann Kerjean",
    role: "ARS_INSTRUCTOR",
    regionCode: "53",
    legalEntities: [],
  },
  {
    // National: no region (the CaRE relèves of every region, lib/dossiers/policy).
    email: DEMO_ACCOUNTS.instructorAns.email,
    name: "Camille Fontaine",
    role: "ANS_INSTRUCTOR",
    regionCode: null,
    legalEntities: [],
  },
  {
    email: DEMO_ACCOUNTS.admin.email,
    name: "Hélène Marchand",
    role: "DNS_ADMIN",
    regionCode: null,
    legalEntities: [],
  },
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Europe/Paris calendar day for a @db.Date column: midnight UTC of that day. */
export function toDbDate(day: IsoDate): Date {
  const match = ISO_DATE.exec(day);
  const date = new Date(`${day}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new Error(`invalid calendar day ${JSON.stringify(day)}`);
  }
  return date;
}

type Tx = Prisma.TransactionClient;

export async function seedDemo(db: PrismaClient, storage: FileStorage = getFileStorage()): Promise<SeedReport> {
  // bcrypt is slow on purpose: hash once, outside the transaction, and reuse the hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const activities = combinedActivityRows(LEGAL_ENTITIES); // validates the FINESS PMSI levels first

  const report = await db.$transaction(
    async (tx) => {
      const report: SeedReport = {
        regions: 0,
        legalEntities: 0,
        sites: 0,
        ghts: 0,
        staffCounts: 0,
        combinedActivities: 0,
        guichets: 0,
        users: 0,
        referentLinks: 0,
      };

      // 1. Regions.
      for (const region of REGIONS) {
        await tx.region.upsert({ where: { code: region.code }, create: region, update: { name: region.name } });
        report.regions++;
      }

      // 2. EJ, without their GHT (the GHT needs its support EJ first).
      for (const ej of LEGAL_ENTITIES) {
        const data = {
          name: ej.name,
          legalStatus: ej.legalStatus,
          category: ej.category,
          categoryLabel: ej.categoryLabel,
          regionCode: ej.regionCode,
          isDialysisCentre: ej.isDialysisCentre,
          receivedSunEsPayments: ej.receivedSunEsPayments,
          receivedPhase1Payments: ej.receivedPhase1Payments,
        };
        await tx.legalEntity.upsert({ where: { finess: ej.finess }, create: { finess: ej.finess, ...data }, update: data });
        report.legalEntities++;
      }

      // 3. GHT, then 4. membership of every demo EJ (members of a demo GHT, the support
      // establishment included; the others are put back outside any GHT).
      const ghtOf = new Map<string, string>();
      for (const ght of GHTS) {
        const data = { name: ght.name, regionCode: ght.regionCode, supportFiness: ght.supportFiness };
        const row = await tx.ght.upsert({ where: { code: ght.code }, create: { code: ght.code, ...data }, update: data });
        for (const finess of ght.memberFinesses) ghtOf.set(finess, row.id);
        report.ghts++;
      }
      for (const ej of LEGAL_ENTITIES) {
        await tx.legalEntity.update({ where: { finess: ej.finess }, data: { ghtId: ghtOf.get(ej.finess) ?? null } });
      }

      // 5. EG and 6. their SAE staff counts (years absent from the demo data are removed, so
      // the 2024 > 2023 > 2022 fallback always sees the documented years).
      for (const ej of LEGAL_ENTITIES) {
        for (const eg of ej.sites) {
          const data = {
            name: eg.name,
            category: eg.category,
            categoryLabel: eg.categoryLabel,
            legalEntityFiness: ej.finess,
            postalCode: eg.postalCode,
            city: eg.city,
          };
          await tx.site.upsert({ where: { finess: eg.finess }, create: { finess: eg.finess, ...data }, update: data });
          report.sites++;
          report.staffCounts += await seedStaffCounts(tx, eg.finess, eg.staffCounts);
        }
      }

      // 7. Activité combinée 2022, at the FINESS PMSI.
      for (const row of activities) {
        const data = { value: new Prisma.Decimal(row.value), isEstimate: row.isEstimate };
        await tx.combinedActivity.upsert({
          where: { finessPmsi_year: { finessPmsi: row.finessPmsi, year: row.year } },
          create: { finessPmsi: row.finessPmsi, year: row.year, ...data },
          update: data,
        });
        report.combinedActivities++;
      }

      // 8. Guichets.
      for (const guichet of GUICHETS) {
        const data = {
          programme: guichet.programme,
          kind: guichet.kind,
          year: guichet.year,
          label: guichet.label,
          opensOn: toDbDate(guichet.opensOn),
          closesOn: toDbDate(guichet.closesOn),
          instructionEndsOn: toDbDate(guichet.instructionEndsOn),
          proofOpensOn: guichet.proofOpensOn ? toDbDate(guichet.proofOpensOn) : null,
          proofClosesOn: guichet.proofClosesOn ? toDbDate(guichet.proofClosesOn) : null,
        };
        await tx.guichet.upsert({ where: { code: guichet.code }, create: { code: guichet.code, ...data }, update: data });
        report.guichets++;
      }

      // 9. Users and their referent links (exactly the demo links; demo passwords restored and
      // sign-in waits lifted, so the demo always signs in; the staff's second factor is the demo
      // authenticator secret).
      await tx.rateLimiterFlexible.deleteMany({ where: { OR: [{ key: { startsWith: "sign-in-" } }, { key: { startsWith: "second-factor-" } }] } });
      for (const user of DEMO_USERS) {
        const email = user.email.toLowerCase();
        const data = {
          name: user.name,
          passwordHash,
          role: user.role,
          regionCode: user.regionCode,
          active: true,
        };
        const row = await tx.user.upsert({ where: { email }, create: { email, ...data }, update: data });
        report.users++;
        await tx.secondFactor.deleteMany({ where: { userId: row.id } });
        await tx.recoveryCode.deleteMany({ where: { userId: row.id } });
        if (requiresSecondFactor(user.role)) {
          await tx.secondFactor.create({ data: { userId: row.id, kind: "TOTP", label: "Application de démonstration", totpSecret: seal(DEMO_TOTP_SECRET) } });
        }
        await tx.referentLink.deleteMany({
          where: { userId: row.id, legalEntityFiness: { notIn: [...user.legalEntities] } },
        });
        if (user.legalEntities.length > 0) {
          await tx.referentLink.createMany({
            data: user.legalEntities.map((legalEntityFiness) => ({ userId: row.id, legalEntityFiness })),
            skipDuplicates: true,
          });
        }
        report.referentLinks += user.legalEntities.length;
      }

      // 10. The IE maturity questionnaire and two demo self-assessments (created once, never updated).
      await seedSelfAssessments(tx);

      // 11. An accepted candidature for the demo EJ, so the 2026 deposit can be shown at once.
      await seedDemoDossiers(tx);

      // 12. The CaRE envelopes of the demo EJ (created once).
      await seedDemoCareEnvelopes(tx, new Date("2026-06-01T08:00:00Z"));

      return report;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );

  // 13. The ESPIC's accepted 2026 milestone, so a 2027 deposit can be shown: the portal's functions
  // open their own transactions, hence after this one (on the users, EJ and guichets it committed).
  await seedEspicAcceptedMilestone(db, storage);
  return report;
}

async function seedStaffCounts(
  tx: Tx,
  siteFiness: string,
  counts: readonly { year: number; salaried: number; liberal: number }[],
): Promise<number> {
  const years = counts.map((c) => c.year);
  if (new Set(years).size !== years.length) throw new Error(`EG ${siteFiness}: SAE year declared twice`);
  await tx.saeStaffCount.deleteMany({
    where: years.length > 0 ? { siteFiness, year: { notIn: years } } : { siteFiness },
  });
  for (const count of counts) {
    const data = { salaried: count.salaried, liberal: count.liberal };
    await tx.saeStaffCount.upsert({
      where: { siteFiness_year: { siteFiness, year: count.year } },
      create: { siteFiness, year: count.year, ...data },
      update: data,
    });
  }
  return counts.length;
}
