/**
 * `npm run demo`: the portal on the embedded database with the demo data,
 * at a simulated date inside the 2026 deposit window.
 */
import path from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../lib/auth/demo-accounts";
import { startPortal } from "./portal-server";

// 1 June 2026, 10:00 Paris time: the 2026 milestone guichet (4 May – 26 June) is open.
const DEMO_DATE = process.env.GUICHET_DEMO_DATE || "2026-06-01T10:00:00+02:00";
const started = Date.now();

const portal = await startPortal({
  port: Number(process.env.PORT ?? 3000),
  dataDir: path.resolve(".data/postgres"),
  dbPort: Number(process.env.GUICHET_DB_PORT ?? 54329),
  persistent: true,
  demoDate: DEMO_DATE,
  reuseBuild: process.argv.includes("--reuse-build"),
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  console.error("Le portail n'a pas pu démarrer :", error instanceof Error ? error.message : error);
  process.exit(1);
});

console.log(`
Guichet HospiConnect est prêt en ${Math.round((Date.now() - started) / 1000)} s : ${portal.url}
Mode démonstration, date simulée : ${DEMO_DATE}

Comptes de démonstration (mot de passe commun : ${DEMO_PASSWORD} ; second facteur des comptes ARS, ANS et DNS :
clé d'application d'authentification ${DEMO_TOTP_SECRET}, ou « npm run demo:code ») :
${Object.values(DEMO_ACCOUNTS)
  .map((account) => `  ${account.email.padEnd(40)} ${account.label}`)
  .join("\n")}

Ctrl-C pour arrêter (les données restent dans .data/).`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nArrêt du portail…");
    portal.stop().finally(() => process.exit(0));
  });
}
