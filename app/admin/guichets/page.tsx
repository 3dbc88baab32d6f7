import type { Metadata } from "next";
import { DerogationForm, RevokeDerogationButton } from "@/components/admin-guichets/derogation-form";
import { GuichetForm } from "@/components/admin-guichets/guichet-form";
import { GuichetPhaseBadge } from "@/components/guichet-table";
import { requireRole } from "@/lib/auth/session";
import { calendarDateFromDb, formatCalendarDate, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listGuichets } from "@/lib/guichets/guichets";

export const metadata: Metadata = { title: "Guichets et jalons" };

export default async function AdminGuichetsPage() {
  await requireRole("DNS_ADMIN", "/admin/guichets");
  const db = getDb();
  const [guichets, derogations, regions] = await Promise.all([
    listGuichets(db, parisDate(now())),
    db.guichetDerogation.findMany({ where: { revokedAt: null }, include: { guichet: true }, orderBy: { createdAt: "desc" } }),
    db.region.findMany({ orderBy: { name: "asc" } }),
  ]);
  const legalEntities = await db.legalEntity.findMany({
    where: { finess: { in: derogations.map((derogation) => derogation.legalEntityFiness).filter((finess): finess is string => Boolean(finess)) } },
    select: { finess: true, name: true },
  });
  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">Guichets et jalons</h1>
      <section aria-labelledby="guichets" className="space-y-4">
        <h2 id="guichets" className="text-xl font-bold">
          Guichets
        </h2>
        {guichets.map((guichet) => (
          <details key={guichet.id} className="border border-gris-bordure p-4">
            <summary className="cursor-pointer font-semibold">
              {guichet.label} — du {formatCalendarDate(guichet.opensOn)} au {formatCalendarDate(guichet.closesOn)}, instruction jusqu&apos;au{" "}
              {formatCalendarDate(guichet.instructionEndsOn)} <GuichetPhaseBadge phase={guichet.phase} />
            </summary>
            <div className="mt-4">
              <GuichetForm
                id={guichet.id}
                submitLabel="Enregistrer les modifications"
                initial={{ code: guichet.code, programme: guichet.programme, kind: guichet.kind, year: String(guichet.year), label: guichet.label, opensOn: guichet.opensOn, closesOn: guichet.closesOn, instructionEndsOn: guichet.instructionEndsOn }}
              />
            </div>
          </details>
        ))}
        <details className="border border-bleu-france p-4">
          <summary className="cursor-pointer font-semibold">Créer un guichet</summary>
          <div className="mt-4">
            <GuichetForm id={null} submitLabel="Créer le guichet" initial={{ code: "", programme: "HOSPICONNECT_HOPEN2", kind: "MILESTONE_DEPOSIT", year: "2027", label: "", opensOn: "", closesOn: "", instructionEndsOn: "" }} />
          </div>
        </details>
      </section>
      <section aria-labelledby="derogations" className="space-y-4">
        <h2 id="derogations" className="text-xl font-bold">
          Dérogations en vigueur
        </h2>
        {derogations.length === 0 ? (
          <p>Aucune dérogation en vigueur.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Dérogations en vigueur</caption>
            <thead>
              <tr className="border-b-2 border-gris-texte">
                <th scope="col" className="py-2 pr-3">Guichet</th>
                <th scope="col" className="py-2 pr-3">Bénéficiaire</th>
                <th scope="col" className="py-2 pr-3">Nouvelle clôture</th>
                <th scope="col" className="py-2 pr-3">Fin d&apos;instruction</th>
                <th scope="col" className="py-2 pr-3">Motif</th>
                <th scope="col" className="py-2">Action</th>
              </tr>
            </thead>
            <tbody>
              {derogations.map((derogation) => {
                const beneficiary = derogation.legalEntityFiness
                  ? `EJ ${legalEntities.find((entity) => entity.finess === derogation.legalEntityFiness)?.name ?? ""} (${derogation.legalEntityFiness})`
                  : `Région ${regions.find((region) => region.code === derogation.regionCode)?.name ?? derogation.regionCode}`;
                return (
                  <tr key={derogation.id} className="border-b border-gris-bordure">
                    <td className="py-2 pr-3">{derogation.guichet.label}</td>
                    <td className="py-2 pr-3">{beneficiary}</td>
                    <td className="py-2 pr-3">{formatCalendarDate(calendarDateFromDb(derogation.closesOn))}</td>
                    <td className="py-2 pr-3">{derogation.instructionEndsOn ? formatCalendarDate(calendarDateFromDb(derogation.instructionEndsOn)) : "inchangée"}</td>
                    <td className="py-2 pr-3">{derogation.reason}</td>
                    <td className="py-2">
                      <RevokeDerogationButton id={derogation.id} label={beneficiary} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <h3 className="text-lg font-bold">Accorder une dérogation</h3>
        <DerogationForm guichets={guichets.map((guichet) => ({ id: guichet.id, label: guichet.label }))} regions={regions.map((region) => ({ code: region.code, name: region.name }))} />
      </section>
    </div>
  );
}
