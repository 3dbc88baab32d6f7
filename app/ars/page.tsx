import type { Metadata } from "next";
import Link from "next/link";
import { formatEuros } from "@/lib/funding";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { LEGAL_STATUS_LABELS } from "@/lib/reference/legal-entity-summary";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

export const metadata: Metadata = { title: "Instruction ARS" };

const numberFr = new Intl.NumberFormat("fr-FR");

export default async function InstructorDashboard({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireRole("ARS_INSTRUCTOR", "/ars");
  const { q } = await searchParams;
  const db = getDb();
  const [region, entities] = await Promise.all([
    user.regionCode ? db.region.findUnique({ where: { code: user.regionCode } }) : null,
    listLegalEntitiesForUser(db, user, { search: q }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Instruction — ARS {region?.name ?? "(région non renseignée)"}</h1>
      <p>
        Les entités juridiques de votre région, leurs effectifs SAE et leur montant plafond HospiConnect. Les dossiers transmis sont dans la{" "}
        <Link href="/ars/dossiers">file des dossiers à instruire</Link>.
      </p>
      <form role="search" className="flex flex-wrap items-end gap-3" action="/ars">
        <div>
          <label htmlFor="recherche" className="block font-semibold">
            Rechercher un établissement
          </label>
          <input id="recherche" name="q" defaultValue={q ?? ""} placeholder="Nom ou FINESS" className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2" />
        </div>
        <button type="submit" className="bg-bleu-france px-4 py-2 font-semibold text-white">
          Rechercher
        </button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-semibold">
            {entities.length} entité{entities.length > 1 ? "s" : ""} juridique{entities.length > 1 ? "s" : ""}
          </caption>
          <thead>
            <tr className="border-b-2 border-gris-texte">
              <th scope="col" className="py-2 pr-3">FINESS EJ</th>
              <th scope="col" className="py-2 pr-3">Raison sociale</th>
              <th scope="col" className="py-2 pr-3">Statut</th>
              <th scope="col" className="py-2 pr-3">GHT</th>
              <th scope="col" className="py-2 pr-3 text-right">EG</th>
              <th scope="col" className="py-2 pr-3 text-right">Effectif</th>
              <th scope="col" className="py-2 text-right">Plafond annuel</th>
            </tr>
          </thead>
          <tbody>
            {entities.map((entity) => (
              <tr key={entity.finess} className="border-b border-gris-bordure">
                <td className="py-2 pr-3">{entity.finess}</td>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/ars/ej/${entity.finess}`}>{entity.name}</Link>
                </th>
                <td className="py-2 pr-3">{LEGAL_STATUS_LABELS[entity.legalStatus]}</td>
                <td className="py-2 pr-3">{entity.ght ? `${entity.ght.name}${entity.ght.isSupport ? " (support)" : ""}` : "—"}</td>
                <td className="py-2 pr-3 text-right">{entity.sites.length}</td>
                <td className="py-2 pr-3 text-right">{numberFr.format(entity.headcount)}</td>
                <td className="py-2 text-right">{formatEuros(entity.annualCeiling)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
