/**
 * Seeds the demo data (prisma/seed-demo.ts) into the database of DATABASE_URL.
 *
 *   npm run db -- db seed                                    (Prisma runs `tsx prisma/seed.ts`)
 *   npx tsx scripts/with-database.ts npx tsx prisma/seed.ts
 *
 * Demo data only: refuses to run with NODE_ENV=production unless GUICHET_ALLOW_DEMO_SEED=1.
 */
import { BATCH_TIMEOUTS, createDatabaseClient } from "../lib/db/client";
import { seedDemo } from "./seed-demo";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL n'est pas défini : lancez `npm run db -- db seed` pour utiliser PostgreSQL embarqué.");
    return 2;
  }
  if (process.env.NODE_ENV === "production" && process.env.GUICHET_ALLOW_DEMO_SEED !== "1") {
    console.error("Refus : données de démonstration en production (NODE_ENV=production). Forcer avec GUICHET_ALLOW_DEMO_SEED=1.");
    return 2;
  }

  const db = createDatabaseClient(url, BATCH_TIMEOUTS);
  const started = performance.now();
  try {
    const r = await seedDemo(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `✓ Données de démonstration chargées en ${seconds} s : ${r.regions} régions, ${r.legalEntities} EJ, ` +
        `${r.sites} EG, ${r.ghts} GHT, ${r.staffCounts} effectifs SAE, ${r.combinedActivities} activités combinées, ` +
        `${r.guichets} guichets, ${r.users} comptes, ${r.referentLinks} rattachements de référents.`,
    );
    return 0;
  } catch (error) {
    console.error("✗ Échec du chargement des données de démonstration :", error);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
