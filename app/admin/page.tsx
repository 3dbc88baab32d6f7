import type { Metadata } from "next";
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
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">Administration DNS</h1>
      {demoClock() && <DemoClockForm current={parisLocalDateTime(now())} />}
      <GuichetTable guichets={guichets} caption="Guichets du programme" />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-lg font-bold">Régions (ARS) et données de référence</caption>
          <thead>
            <tr className="border-b-2 border-gris-texte">
              <th scope="col" className="py-2 pr-3">Code</th>
              <th scope="col" className="py-2 pr-3">Région</th>
              <th scope="col" className="py-2 pr-3 text-right">EJ</th>
              <th scope="col" className="py-2 pr-3 text-right">EG</th>
              <th scope="col" className="py-2 pr-3 text-right">GHT</th>
              <th scope="col" className="py-2 text-right">Instructeurs actifs</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((region) => (
              <tr key={region.code} className="border-b border-gris-bordure">
                <td className="py-2 pr-3">{region.code}</td>
                <th scope="row" className="py-2 pr-3 font-normal">{region.name}</th>
                <td className="py-2 pr-3 text-right">{numberFr.format(region.legalEntities)}</td>
                <td className="py-2 pr-3 text-right">{numberFr.format(region.sites)}</td>
                <td className="py-2 pr-3 text-right">{numberFr.format(region.ghts)}</td>
                <td className="py-2 text-right">{numberFr.format(region.instructors)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-gris-texte font-semibold">
              <th scope="row" colSpan={2} className="py-2 pr-3">France entière</th>
              <td className="py-2 pr-3 text-right">{numberFr.format(total("legalEntities"))}</td>
              <td className="py-2 pr-3 text-right">{numberFr.format(total("sites"))}</td>
              <td className="py-2 pr-3 text-right">{numberFr.format(total("ghts"))}</td>
              <td className="py-2 text-right">{numberFr.format(total("instructors"))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}

/** "2026-06-01T10:00" in Paris time, for <input type="datetime-local">. */
function parisLocalDateTime(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(instant)
    .replace(" ", "T");
}
