import { fr } from "@codegouvfr/react-dsfr";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Table } from "@codegouvfr/react-dsfr/Table";
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
    <>
      <Breadcrumb segments={[{ label: "Mon espace établissement", linkProps: { href: "/etablissement" } }]} currentPageLabel="Autoévaluations" />
      <h1>Autoévaluations de la maturité en identification électronique</h1>
      <div className={`${fr.cx("fr-mb-6w")} max-w-3xl`}>
        <p>
          L&apos;autoévaluation se renseigne pour chaque entité juridique (EJ), dans son intégralité. Une fois validée, elle reçoit un numéro de référence unique
          (NRU) à indiquer lors du dépôt du dossier ; elle doit avoir été validée entre le 1er janvier de l&apos;année de la relève et le dépôt.
        </p>
        <p>Vous pouvez partir d&apos;un formulaire vierge ou dupliquer une autoévaluation existante, brouillon ou validée.</p>
      </div>
      {lists.length === 0 && <p>Aucune entité juridique n&apos;est rattachée à votre compte. Contactez votre ARS.</p>}
      {lists.map(({ entity, items }) => {
        const headingId = `autoevaluations-${entity.finess}`;
        return (
          <section key={entity.finess} aria-labelledby={headingId} className={fr.cx("fr-mb-6w")}>
            <div className="flex flex-wrap items-start justify-between gap-4">
              <h2 id={headingId} className={fr.cx("fr-h4")}>
                {entity.name} <span className={fr.cx("fr-text--md", "fr-text--regular")}>(FINESS EJ {entity.finess})</span>
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
              <Table
                noCaption
                caption={`Autoévaluations de ${entity.name}`}
                headers={["Statut", "Créée le", "Validée le", "Avancement", "Actions"]}
                data={items.map((item) => {
                  const created = formatParisInstant(item.createdAt);
                  return [
                    <span key="statut">
                      <SelfAssessmentStatusBadge status={item.status} nru={item.nru} />
                      {item.duplicatedFromId && <span className={`${fr.cx("fr-hint-text")} block`}>Copie d&apos;une autoévaluation précédente</span>}
                    </span>,
                    created,
                    item.validatedAt ? formatParisInstant(item.validatedAt) : "—",
                    item.overallPercent !== null ? `Score global ${formatPercent(item.overallPercent)}` : `${item.progress.answered} / ${item.progress.total} questions`,
                    <div key="actions" className="flex flex-wrap items-center gap-4">
                      <Link
                        href={`${PATH}/${item.id}`}
                        className={fr.cx("fr-link")}
                        aria-label={`${item.status === "VALIDATED" ? "Consulter" : "Continuer"} l'autoévaluation créée le ${created}`}
                      >
                        {item.status === "VALIDATED" ? "Consulter" : "Continuer"}
                      </Link>
                      <CreateAndOpenButton
                        action={duplicateSelfAssessmentAction}
                        input={{ sourceId: item.id }}
                        label="Dupliquer"
                        pendingLabel="Duplication…"
                        accessibleLabel={`Dupliquer l'autoévaluation créée le ${created}`}
                        variant="secondary"
                        size="small"
                      />
                    </div>,
                  ];
                })}
              />
            )}
          </section>
        );
      })}
    </>
  );
}
