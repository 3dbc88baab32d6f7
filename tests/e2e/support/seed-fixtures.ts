/**
 * Seeds E2E_ESTABLISHMENTS (fixtures.ts) into the browser tests' database: the
 * EJ, its single EG with a 2024 SAE count, its referent, and its accepted 2026
 * candidature with the submission snapshot the portal itself would have written.
 */
import { DEMO_PASSWORD } from "../../../lib/auth/demo-accounts";
import { hashPassword } from "../../../lib/auth/password";
import { createDatabaseClient } from "../../../lib/db/client";
import { E2E_ESTABLISHMENTS, E2E_SSO_LINKED_ACCOUNT, E2E_STAFF } from "./fixtures";

export async function seedE2eFixtures(databaseUrl: string): Promise<void> {
  const db = createDatabaseClient(databaseUrl);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    const guichet = await db.guichet.findUniqueOrThrow({ where: { code: "HOPEN2-CANDIDATURE-2026" } });
    const region = await db.region.findUniqueOrThrow({ where: { code: "84" } });
    const instructor = await db.user.findFirstOrThrow({ where: { role: "ARS_INSTRUCTOR", regionCode: "84" } });
    let index = 0;
    for (const fixture of Object.values(E2E_ESTABLISHMENTS)) {
      index++;
      const siteFiness = `${fixture.finess.slice(0, 7)}9${index}`;
      // A database kept between runs (DATABASE_URL) already has them: seeded once, like the demo dossier.
      if (await db.legalEntity.findUnique({ where: { finess: fixture.finess } })) continue;
      await db.legalEntity.create({
        data: {
          finess: fixture.finess,
          name: fixture.name,
          legalStatus: "PUBLIC",
          category: "1102",
          categoryLabel: "Centres Hospitaliers",
          regionCode: region.code,
          sites: {
            create: {
              finess: siteFiness,
              name: `${fixture.name} – site principal`,
              category: "355",
              categoryLabel: "Centre Hospitalier (C.H.)",
              postalCode: "99100",
              city: "Essai-sur-Morlière",
              staffCounts: { create: { year: 2024, salaried: fixture.headcount - 20, liberal: 20 } },
            },
          },
        },
      });
      const referent = await db.user.create({
        data: { email: fixture.email, name: `Référent ${fixture.name}`, passwordHash, role: "ESTABLISHMENT_REFERENT", legalEntities: { create: { legalEntityFiness: fixture.finess } } },
      });
      const number = `HC-C2026-9100${String(index).padStart(2, "0")}`;
      const submittedAt = new Date("2026-02-10T09:30:00Z");
      const data = { candidature: { projectTeam: projectTeam(fixture.email), ghtMandateKind: null } };
      await db.dossier.create({
        data: {
          number,
          guichetId: guichet.id,
          carrierFiness: fixture.finess,
          status: "ACCEPTED",
          version: 3,
          data,
          completedById: referent.id,
          submittedAt,
          decidedAt: new Date("2026-03-02T14:00:00Z"),
          legalEntities: { create: [{ legalEntityFiness: fixture.finess, guichetId: guichet.id }] },
          submissions: {
            create: {
              sequence: 1,
              submittedAt,
              submittedById: referent.id,
              snapshot: {
                dossierNumber: number,
                guichet: { code: guichet.code, label: guichet.label, year: guichet.year, kind: guichet.kind },
                carrier: { finess: fixture.finess, name: fixture.name, regionCode: region.code, regionName: region.name },
                sequence: 1,
                submittedAt: submittedAt.toISOString(),
                submittedBy: { id: referent.id, name: referent.name, email: referent.email },
                fromVersion: 2,
                data,
                parts: [{ legalEntityFiness: fixture.finess, name: fixture.name, headcount: fixture.headcount, nru: null, expenses: {}, mandatoryObjectiveMet: null, objectivesReached: [], requested: null }],
                documents: [],
              },
            },
          },
          events: {
            create: [
              { at: new Date("2026-02-03T08:00:00Z"), actorId: referent.id, actorRole: "ESTABLISHMENT_REFERENT", type: "CREATED", toStatus: "DRAFT" },
              { at: submittedAt, actorId: referent.id, actorRole: "ESTABLISHMENT_REFERENT", type: "SUBMITTED", fromStatus: "DRAFT", toStatus: "SUBMITTED" },
              { at: new Date("2026-03-02T14:00:00Z"), actorId: instructor.id, actorRole: "ARS_INSTRUCTOR", type: "ACCEPTED", fromStatus: "SUBMITTED", toStatus: "ACCEPTED" },
            ],
          },
        },
      });
    }
    for (const staff of Object.values(E2E_STAFF)) {
      await db.user.upsert({ where: { email: staff.email }, update: {}, create: { email: staff.email, name: staff.name, passwordHash, role: "ARS_INSTRUCTOR", regionCode: region.code } });
    }
    // The SSO spec's linked identity (tests/e2e/sso.spec.ts), seeded once.
    await db.user.upsert({
      where: { email: E2E_SSO_LINKED_ACCOUNT.email },
      update: {},
      create: {
        email: E2E_SSO_LINKED_ACCOUNT.email,
        name: "Seconde référente de l'Identité",
        passwordHash,
        role: "ESTABLISHMENT_REFERENT",
        legalEntities: { create: { legalEntityFiness: E2E_ESTABLISHMENTS.sso.finess } },
        ssoIdentities: { create: { provider: E2E_SSO_LINKED_ACCOUNT.provider, subject: E2E_SSO_LINKED_ACCOUNT.subject } },
      },
    });
  } finally {
    await db.$disconnect();
  }
}

function projectTeam(referentEmail: string) {
  const person = (name: string, slug: string) => ({ name, email: `${slug}@ch-essai.test` });
  return {
    qualityLead: person("Anne Qualité", "qualite"),
    businessRepresentative: person("Dr Bruno Métier", "metier"),
    hrDirector: person("Chloé Ressources", "drh"),
    ciso: person("David Sécurité", "rssi"),
    cio: person("Emma Système", "dsi"),
    programmeReferent: { name: "Référent du programme", email: referentEmail },
    signatory: person("François Signataire", "signataire"),
  };
}
