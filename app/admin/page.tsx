import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { DemoClockForm } from "@/components/demo-clock-form";
import { GuichetTable } from "@/components/guichet-table";
import { requireRole } from "@/lib/auth/session";
import { demoClock, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listGuichets } from "@/lib/guichets/guichets";
import { regionOverview } from "@/lib/reference/region-overview";

export const metadata: Metadata = { title: "Administration DNS" };

const numberFr = new Intl.NumberFormat("fr-FR");

export default async function AdminDashboard() {
  await requireRole("DNS_ADMIN", "/admin");
  const db = getDb();
  const [regions, guichets] = await Promise.all([regionOverview(db), listGuichets(db, parisDate(now()))]);
  const total = (key: "legalEntities" | "sites" | "ghts" | "instructors") => regions.reduce((sum, region) => sum + region[key], 0);
  return (
    <>
      <h1>Administration DNS</h1>
      {demoClock() && <DemoClockForm current={parisLocalDateTime(now())} />}
      <GuichetTable guichets={guichets} caption="Guichets du programme" />
      <DataTable caption="Régions (ARS) et données de référence">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Région</th>
            <th scope="col" className={fr.cx("fr-cell--right")}>EJ</th>
            <th scope="col" className={fr.cx("fr-cell--right")}>EG</th>
            <th scope="col" className={fr.cx("fr-cell--right")}>GHT</th>
            <th scope="col" className={fr.cx("fr-cell--right")}>Instructeurs actifs</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((region) => (
            <tr key={region.code}>
              <td>{region.code}</td>
              <th scope="row">{region.name}</th>
              <td className={fr.cx("fr-cell--right")}>{numberFr.format(region.legalEntities)}</td>
              <td className={fr.cx("fr-cell--right")}>{numberFr.format(region.sites)}</td>
              <td className={fr.cx("fr-cell--right")}>{numberFr.format(region.ghts)}</td>
              <td className={fr.cx("fr-cell--right")}>{numberFr.format(region.instructors)}</td>
            </tr>
          ))}
          <tr>
            <td />
            <th scope="row">France entière</th>
            <td className={fr.cx("fr-cell--right", "fr-text--bold")}>{numberFr.format(total("legalEntities"))}</td>
            <td className={fr.cx("fr-cell--right", "fr-text--bold")}>{numberFr.format(total("sites"))}</td>
            <td className={fr.cx("fr-cell--right", "fr-text--bold")}>{numberFr.format(total("ghts"))}</td>
            <td className={fr.cx("fr-cell--right", "fr-text--bold")}>{numberFr.format(total("instructors"))}</td>
          </tr>
        </tbody>
      </DataTable>
      <h2>API des systèmes d&apos;information</h2>
      <p>
        Les systèmes d&apos;information des ARS et de la DNS lisent les dossiers transmis par une API en lecture seule, avec un jeton créé ici :{" "}
        <Link href="/admin/api">gérer les jetons de l&apos;API</Link>.
      </p>
    </>
  );
}

/** "2026-06-01T10:00" in Paris time, for <input type="datetime-local">. */
function parisLocalDateTime(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(instant)
    .replace(" ", "T");
}
