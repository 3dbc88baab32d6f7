import type { Metadata } from "next";
import Link from "next/link";
import { followUpGuichets, nationalFollowUp, regionFollowUp } from "@/lib/admin/national-follow-up";
import { FOLLOW_UP_STATUSES } from "@/lib/admin/follow-up-rows";
import { requireRole, loadForPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { DOSSIER_STATUS_LABELS } from "@/lib/dossiers/machine";
import { formatEuros, type Cents } from "@/lib/funding";

export const metadata: Metadata = { title: "Suivi national — Administration DNS" };

const numberFr = new Intl.NumberFormat("fr-FR");
const euros = (cents: Cents | null) => (cents === null ? "—" : formatEuros(cents));

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function NationalFollowUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("DNS_ADMIN", "/admin/suivi");
  const params = await searchParams;
  const db = getDb();
  const guichets = await followUpGuichets(db, user);
  const guichetId = guichets.find((guichet) => guichet.id === single(params.guichet))?.id ?? guichets[0]?.id;
  const regionParam = single(params.region);
  const regionCode = /^\d{2}$/.test(regionParam) ? regionParam : null;
  if (!guichetId) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">Suivi national</h1>
        <p>Aucun guichet n&apos;est encore configuré.</p>
      </div>
    );
  }
  const [followUp, drillDown] = await Promise.all([
    nationalFollowUp(db, user, guichetId),
    regionCode ? loadForPage(regionFollowUp(db, user, guichetId, regionCode)) : Promise.resolve(null),
  ]);
  const exportHref = (format: "csv" | "xlsx", region: string | null) =>
    `/api/admin/export?${new URLSearchParams({ guichet: guichetId, format, ...(region ? { region } : {}) }).toString()}`;
  const hasEligible = followUp.guichet.kind === "MILESTONE_DEPOSIT";
  const { total } = followUp;
  return (
    <div className="space-y-10">
      <div>
        <p className="text-sm">
          <Link href="/admin">Administration DNS</Link> › Suivi national
        </p>
        <h1 className="text-3xl font-bold">Suivi national</h1>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="suivi-guichet" className="block font-semibold">
            Guichet
          </label>
          <select id="suivi-guichet" name="guichet" defaultValue={guichetId} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
            {guichets.map((guichet) => (
              <option key={guichet.id} value={guichet.id}>
                {guichet.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-bleu-france px-4 py-2 font-semibold text-white">
          Afficher
        </button>
        <p className="w-full text-sm">
          Candidatures : dossiers transmis du guichet de candidature {followUp.candidatureGuichet ? `« ${followUp.candidatureGuichet.label} »` : "(aucun guichet de candidature pour ce programme)"}. Les
          montants portent sur les EJ des dossiers transmis du guichet choisi ; les plafonds annuels sont calculés sur les effectifs SAE (2024, à défaut 2023, à défaut 2022).
        </p>
        <p className="w-full">
          Exporter la France entière : <a href={exportHref("csv", null)}>CSV</a> · <a href={exportHref("xlsx", null)}>Excel (XLSX)</a>
        </p>
      </form>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-lg font-bold">{followUp.guichet.label} : suivi par région</caption>
          <thead>
            <tr className="border-b-2 border-gris-texte">
              <th scope="col" className="py-2 pr-3">Région</th>
              <th scope="col" className="py-2 pr-3 text-right">EJ (référentiel)</th>
              <th scope="col" className="py-2 pr-3 text-right">EJ éligibles</th>
              <th scope="col" className="py-2 pr-3 text-right">Candidatures</th>
              {FOLLOW_UP_STATUSES.map((status) => (
                <th key={status} scope="col" className="py-2 pr-3 text-right">
                  {DOSSIER_STATUS_LABELS[status]}
                </th>
              ))}
              <th scope="col" className="py-2 pr-3 text-right">Plafonds annuels</th>
              <th scope="col" className="py-2 pr-3 text-right">Demandé</th>
              <th scope="col" className="py-2 pr-3 text-right">Éligible</th>
              <th scope="col" className="py-2 pr-3 text-right">Décidé</th>
              <th scope="col" className="py-2">Export</th>
            </tr>
          </thead>
          <tbody>
            {followUp.regions.map((region) => (
              <tr key={region.code} className={`border-b border-gris-bordure ${region.code === regionCode ? "bg-fond-alt" : ""}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/admin/suivi?${new URLSearchParams({ guichet: guichetId, region: region.code }).toString()}#detail-region`} aria-current={region.code === regionCode ? "true" : undefined}>
                    {region.name}
                  </Link>
                </th>
                <td className="py-2 pr-3 text-right">{numberFr.format(region.legalEntities)}</td>
                <td className="py-2 pr-3 text-right">{numberFr.format(region.eligibleLegalEntities)}</td>
                <td className="py-2 pr-3 text-right">{numberFr.format(region.candidatures)}</td>
                {FOLLOW_UP_STATUSES.map((status) => (
                  <td key={status} className="py-2 pr-3 text-right">
                    {numberFr.format(region.byStatus[status])}
                  </td>
                ))}
                <td className="py-2 pr-3 text-right">{formatEuros(region.ceilings)}</td>
                <td className="py-2 pr-3 text-right">{formatEuros(region.requested)}</td>
                <td className="py-2 pr-3 text-right">{hasEligible ? formatEuros(region.eligible) : "—"}</td>
                <td className="py-2 pr-3 text-right">{formatEuros(region.decided)}</td>
                <td className="py-2 whitespace-nowrap">
                  <a href={exportHref("csv", region.code)} aria-label={`Export CSV de la région ${region.name}`}>
                    CSV
                  </a>{" "}
                  ·{" "}
                  <a href={exportHref("xlsx", region.code)} aria-label={`Export Excel de la région ${region.name}`}>
                    XLSX
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-gris-texte font-semibold">
              <th scope="row" className="py-2 pr-3">France entière</th>
              <td className="py-2 pr-3 text-right">{numberFr.format(total.legalEntities)}</td>
              <td className="py-2 pr-3 text-right">{numberFr.format(total.eligibleLegalEntities)}</td>
              <td className="py-2 pr-3 text-right">{numberFr.format(total.candidatures)}</td>
              {FOLLOW_UP_STATUSES.map((status) => (
                <td key={status} className="py-2 pr-3 text-right">
                  {numberFr.format(total.byStatus[status])}
                </td>
              ))}
              <td className="py-2 pr-3 text-right">{formatEuros(total.ceilings)}</td>
              <td className="py-2 pr-3 text-right">{formatEuros(total.requested)}</td>
              <td className="py-2 pr-3 text-right">{hasEligible ? formatEuros(total.eligible) : "—"}</td>
              <td className="py-2 pr-3 text-right">{formatEuros(total.decided)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>

      {drillDown && (
        <section id="detail-region" aria-labelledby="detail-region-titre" className="space-y-3">
          <h2 id="detail-region-titre" className="text-xl font-bold">
            {drillDown.region.name} : EJ des dossiers transmis
          </h2>
          {drillDown.rows.length === 0 ? (
            <p>Aucun dossier transmis dans cette région pour ce guichet.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">EJ de la région {drillDown.region.name}</caption>
                <thead>
                  <tr className="border-b-2 border-gris-texte">
                    <th scope="col" className="py-2 pr-3">EJ</th>
                    <th scope="col" className="py-2 pr-3">FINESS</th>
                    <th scope="col" className="py-2 pr-3">Dossier</th>
                    <th scope="col" className="py-2 pr-3">Statut</th>
                    <th scope="col" className="py-2 pr-3 text-right">Effectif SAE</th>
                    <th scope="col" className="py-2 pr-3 text-right">Plafond annuel</th>
                    <th scope="col" className="py-2 pr-3 text-right">Demandé</th>
                    <th scope="col" className="py-2 pr-3 text-right">Éligible</th>
                    <th scope="col" className="py-2 text-right">Décidé</th>
                  </tr>
                </thead>
                <tbody>
                  {drillDown.rows.map((row) => (
                    <tr key={`${row.dossierId}/${row.finess}`} className="border-b border-gris-bordure">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <Link href={`/admin/ej/${encodeURIComponent(row.finess)}`}>{row.name}</Link>
                      </th>
                      <td className="py-2 pr-3">{row.finess}</td>
                      <td className="py-2 pr-3">{row.dossierNumber}</td>
                      <td className="py-2 pr-3">{DOSSIER_STATUS_LABELS[row.status]}</td>
                      <td className="py-2 pr-3 text-right">{numberFr.format(row.headcount)}</td>
                      <td className="py-2 pr-3 text-right">{formatEuros(row.ceiling)}</td>
                      <td className="py-2 pr-3 text-right">{euros(row.requested)}</td>
                      <td className="py-2 pr-3 text-right">{euros(row.eligible)}</td>
                      <td className="py-2 text-right">{euros(row.decided)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
