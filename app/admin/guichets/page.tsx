import { fr } from "@codegouvfr/react-dsfr";
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Metadata } from "next";
import { DataTable } from "@/components/admin/data-table";
import { DerogationForm, RevokeDerogationButton } from "@/components/admin-guichets/derogation-form";
import { GuichetForm } from "@/components/admin-guichets/guichet-form";
import { GuichetPhaseBadge } from "@/components/admin-guichets/guichet-phase-badge";
import { regionChoices } from "@/lib/admin/regions";
import { requireRole } from "@/lib/auth/session";
import { formatCalendarDate, now, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { activeDerogations } from "@/lib/guichets/admin";
import { listGuichets } from "@/lib/guichets/guichets";

export const metadata: Metadata = { title: "Guichets et jalons" };

export default async function AdminGuichetsPage() {
  const user = await requireRole("DNS_ADMIN", "/admin/guichets");
  const db = getDb();
  const [guichets, derogations, regions] = await Promise.all([listGuichets(db, parisDate(now())), activeDerogations(db, user), regionChoices(db, user)]);
  return (
    <>
      <Breadcrumb segments={[{ label: "Administration DNS", linkProps: { href: "/admin" } }]} currentPageLabel="Guichets et jalons" />
      <h1>Guichets et jalons</h1>
      <section aria-labelledby="guichets" className={fr.cx("fr-mb-6w")}>
        <h2 id="guichets">Guichets</h2>
        <p>Les dates sont des jours du calendrier de Paris, inclus ; une modification s&apos;applique immédiatement à tous les espaces.</p>
        <div className={fr.cx("fr-accordions-group")}>
          {guichets.map((guichet) => (
            <Accordion
              key={guichet.id}
              label={
                <span className="flex flex-wrap items-center gap-2">
                  <span>
                    {guichet.label} — du {formatCalendarDate(guichet.opensOn)} au {formatCalendarDate(guichet.closesOn)}, instruction jusqu&apos;au {formatCalendarDate(guichet.instructionEndsOn)}
                  </span>
                  <GuichetPhaseBadge phase={guichet.phase} />
                </span>
              }
            >
              <GuichetForm
                id={guichet.id}
                submitLabel="Enregistrer les modifications"
                initial={{ code: guichet.code, programme: guichet.programme, kind: guichet.kind, year: String(guichet.year), label: guichet.label, opensOn: guichet.opensOn, closesOn: guichet.closesOn, instructionEndsOn: guichet.instructionEndsOn, proofOpensOn: guichet.proofOpensOn ?? "", proofClosesOn: guichet.proofClosesOn ?? "" }}
              />
            </Accordion>
          ))}
          <Accordion label="Créer un guichet">
            <GuichetForm id={null} submitLabel="Créer le guichet" initial={{ code: "", programme: "HOSPICONNECT_HOPEN2", kind: "MILESTONE_DEPOSIT", year: "2027", label: "", opensOn: "", closesOn: "", instructionEndsOn: "", proofOpensOn: "", proofClosesOn: "" }} />
          </Accordion>
        </div>
      </section>
      <section aria-labelledby="derogations">
        <h2 id="derogations">Dérogations en vigueur</h2>
        {derogations.length === 0 ? (
          <p>Aucune dérogation en vigueur.</p>
        ) : (
          <DataTable caption="Dérogations en vigueur" hideCaption>
            <thead>
              <tr>
                <th scope="col">Guichet</th>
                <th scope="col">Bénéficiaire</th>
                <th scope="col">Nouvelle clôture</th>
                <th scope="col">Fin d&apos;instruction</th>
                <th scope="col">Motif</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {derogations.map((derogation) => {
                const beneficiary = derogation.legalEntity ? `EJ ${derogation.legalEntity.name} (${derogation.legalEntity.finess})` : `Région ${derogation.region?.name ?? ""}`;
                return (
                  <tr key={derogation.id}>
                    <td className={fr.cx("fr-cell--multiline")}>{derogation.guichet.label}</td>
                    <th scope="row" className={fr.cx("fr-cell--multiline")}>
                      {beneficiary}
                    </th>
                    <td>{formatCalendarDate(derogation.closesOn)}</td>
                    <td>{derogation.instructionEndsOn ? formatCalendarDate(derogation.instructionEndsOn) : "inchangée"}</td>
                    <td className={fr.cx("fr-cell--multiline")}>{derogation.reason}</td>
                    <td>
                      <RevokeDerogationButton id={derogation.id} label={beneficiary} guichetLabel={derogation.guichet.label} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
        <DerogationForm guichets={guichets.map((guichet) => ({ id: guichet.id, label: guichet.label }))} regions={regions} />
      </section>
    </>
  );
}
