import type { Metadata } from "next";
import Link from "next/link";
import { CreateAndOpenButton } from "@/components/self-assessment/create-and-open-button";
import { formatPercent } from "@/components/self-assessment/format";
import { SelfAssessmentStatusBadge } from "@/components/self-assessment/status-badge";
import { requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { listLegalEntitiesForSelfAssessment, listSelfAssessments } from "@/lib/self-assessment/service";
import { createSelfAssessmentAction, duplicateSelfAssessmentAction } from "./actions";

export const metadata: Metadata = { title: "Autoévaluations de la maturité IE" };

const PATH = "/etablissement/autoevaluations";

export default async function SelfAssessmentsPage() {
  const user = await requireRole("ESTABLISHMENT_REFERENT", PATH);
  const db = getDb();
  const entities = await listLegalEntitiesForSelfAssessment(db, user);
  const lists = await Promise.all(entities.map(async (entity) => ({ entity, items: await listSelfAssessments(db, user, entity.finess) })));
  return (
    <div className="space-y-8">
      <p>
        <Link href="/etablissement">← Mon espace établissement</Link>
      </p>
      <div className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold">Autoévaluations de la maturité en identification électronique</h1>
        <p>
          L&apos;autoévaluation se renseigne pour chaque entité juridique (EJ), dans son intégralité. Une fois validée, elle reçoit un numéro de
          référence unique (NRU) à indiquer lors du dépôt du dossier ; elle doit avoir été validée entre le 1er janvier de l&apos;année de la relève
          et le dépôt.
        </p>
        <p>Vous pouvez partir d&apos;un formulaire vierge ou dupliquer une autoévaluation existante, brouillon ou validée.</p>
      </div>
      {lists.length === 0 && <p>Aucune entité juridique n&apos;est rattachée à votre compte. Contactez votre ARS.</p>}
      {lists.map(({ entity, items }) => {
        const headingId = `autoevaluations-${entity.finess}`;
        return (
          <section key={entity.finess} aria-labelledby={headingId} className="space-y-4 border border-gris-bordure p-5">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <h2 id={headingId} className="text-xl font-bold">
                {entity.name} <span className="text-base font-normal">(FINESS EJ {entity.finess})</span>
              </h2>
              <CreateAndOpenButton
                action={createSelfAssessmentAction}
                input={{ legalEntityFiness: entity.finess }}
                label="Nouvelle autoévaluation"
                pendingLabel="Création…"
                accessibleLabel={`Nouvelle autoévaluation pour ${entity.name}`}
              />
            </div>
            {items.length === 0 ? (
              <p>Aucune autoévaluation pour cette entité juridique.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">Autoévaluations de {entity.name}</caption>
                  <thead>
                    <tr className="border-b-2 border-gris-texte">
                      <th scope="col" className="py-2 pr-3">
                        Statut
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Créée le
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Validée le
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Avancement
                      </th>
                      <th scope="col" className="py-2">
                        Actions
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => {
                      const created = formatParisInstant(item.createdAt);
                      return (
                        <tr key={item.id} className="border-b border-gris-bordure align-top">
                          <td className="py-2 pr-3">
                            <SelfAssessmentStatusBadge status={item.status} nru={item.nru} />
                            {item.duplicatedFromId && <span className="mt-1 block text-xs">Copie d&apos;une autoévaluation précédente</span>}
                          </td>
                          <td className="py-2 pr-3">{created}</td>
                          <td className="py-2 pr-3">{item.validatedAt ? formatParisInstant(item.validatedAt) : "—"}</td>
                          <td className="py-2 pr-3">
                            {item.overallPercent !== null
                              ? `Score global ${formatPercent(item.overallPercent)}`
                              : `${item.progress.answered} / ${item.progress.total} questions`}
                          </td>
                          <td className="py-2">
                            <div className="flex items-start gap-3 whitespace-nowrap">
                              <Link href={`${PATH}/${item.id}`} className="px-1 py-2 font-semibold" aria-label={`${item.status === "VALIDATED" ? "Consulter" : "Continuer"} l'autoévaluation créée le ${created}`}>
                                {item.status === "VALIDATED" ? "Consulter" : "Continuer"}
                              </Link>
                              <CreateAndOpenButton
                                action={duplicateSelfAssessmentAction}
                                input={{ sourceId: item.id }}
                                label="Dupliquer"
                                pendingLabel="Duplication…"
                                accessibleLabel={`Dupliquer l'autoévaluation créée le ${created}`}
                                variant="secondary"
                              />
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
