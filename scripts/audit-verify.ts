/**
 * npm run audit:verify
 * Vérifie la chaîne d'audit (issue 14 §2) : enregistre d'abord les condensés des journées
 * terminées (heure de Paris) qui manquent, puis parcourt toutes les lignes dans l'ordre,
 * recalcule chaque empreinte, contrôle chaque lien et chaque condensé. Code de sortie 0 si la
 * chaîne est intègre, 1 à la première rupture (décrite), 2 si la base est inaccessible.
 * Base : DATABASE_URL, sinon la base embarquée de la démo (.data/postgres, déjà migrée par `npm run demo`).
 * --sans-condenses : ne rien écrire (vérification seule).
 */
import { recordDailyDigests } from "../lib/audit/digest";
import { describeAuditBreak, verifyAuditChain } from "../lib/audit/verify";
import { formatParisInstant, now, parisDate } from "../lib/clock";
import { createDatabaseClient } from "../lib/db/client";
import { withDatabase } from "./database-runtime";

async function main(url: string): Promise<number> {
  const db = createDatabaseClient(url);
  try {
    if (!process.argv.includes("--sans-condenses")) {
      const digested = await recordDailyDigests(db, parisDate(now()));
      if (digested > 0) console.log(`• ${digested} condensé(s) journalier(s) enregistré(s)`);
    }
    const report = await verifyAuditChain(db);
    const legacy = report.legacyRows > 1 ? ` (${report.legacyRows - 1} ligne(s) antérieure(s) au chaînage, non chaînées)` : "";
    if (report.ok) {
      const span = report.first && report.last ? `, du ${formatParisInstant(report.first.at)} au ${formatParisInstant(report.last.at)}` : "";
      console.log(`✓ Chaîne d'audit intègre : ${report.rows} lignes${span}, ${report.digests} condensé(s) journalier(s) vérifié(s)${legacy}.`);
      // Kept outside the database, the head hash also reveals a deletion of the last rows.
      if (report.last) console.log(`  Dernière ligne : ${report.last.id}, empreinte ${report.last.hash}`);
      return 0;
    }
    const [first] = report.breaks;
    console.error(`✗ Chaîne d'audit rompue : ${report.breakCount} anomalie(s) sur ${report.rows} lignes chaînées.`);
    if (first) console.error(`  Première rupture — ${describeAuditBreak(first)}`);
    for (const other of report.breaks.slice(1, 20)) console.error(`  puis — ${describeAuditBreak(other)}`);
    if (report.breakCount > 20) console.error(`  … et ${report.breakCount - 20} autre(s).`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

await withDatabase(main)
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error("✗ Vérification impossible :", error instanceof Error ? error.message : error);
    process.exit(2);
  });
