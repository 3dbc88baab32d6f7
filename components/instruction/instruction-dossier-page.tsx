import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Tabs, type TabsProps } from "@codegouvfr/react-dsfr/Tabs";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { formatCalendarDate, formatParisInstant } from "@/lib/clock";
import { parisDate } from "@/lib/clock/paris-date";
import type { DossierPageData } from "@/lib/instruction/instruction-pages";
import { AmountsTable } from "./amounts-table";
import { CareReleveReviewView } from "./care-releve/care-releve-review";
import { DossierAnswers } from "./dossier-answers";
import { DossierHistory } from "./dossier-history";
import { daysLeftSentence, formatParisDay } from "./format";
import { InstructionActions } from "./instruction-actions";
import { queuePath, type InstructionSpace } from "./instruction-space";
import { ProjectCallPanels } from "./project-call/project-call-panels";
import { ProjectCallView } from "./project-call/project-call-view";
import { ProofReview } from "./project-call/proof-review";
import { SelectionSummary } from "./project-call/selection-summary";
import { SnapshotDiffView } from "./snapshot-diff-view";
import { TransmittedPartSection } from "./transmitted-part-section";

/** How many things changed, in words: "3 modifications". */
function changeCount(changes: { fields: unknown[]; partsAdded: unknown[]; partsRemoved: unknown[]; documentsAdded: unknown[]; documentsRemoved: unknown[]; documentsRelinked: unknown[] }): string {
  const count = changes.fields.length + changes.partsAdded.length + changes.partsRemoved.length + changes.documentsAdded.length + changes.documentsRemoved.length + changes.documentsRelinked.length;
  return `${count} modification${count > 1 ? "s" : ""}`;
}

/**
 * The review of one transmitted dossier in an instruction space (`/ars/dossiers/[id]`,
 * `/ans/dossiers/[id]`). The page loads it with lib/instruction/instruction-pages
 * (404 when unknown or a draft, 403 out of the user's scope, through the dossier
 * read policy); the space only says where the links go and how the page words it.
 */
export function InstructionDossierPage({ space, data }: { space: InstructionSpace; data: DossierPageData }) {
  const { review, project, care } = data;
  const { row, transmitted, instruction } = review;
  // An AAP project is instructed on its own screens: the project view, the selection grid, the proofs.
  const names = new Map(row.legalEntities.map((part) => [part.legalEntityFiness, part.legalEntity.name]));
  const nameOf = (finess: string) => names.get(finess) ?? finess;
  const latest = review.submissions.at(-1);
  const lastChanges = latest?.changes ?? null;
  const ght = row.carrier.supportOf ?? row.carrier.ght;
  // Past the selection (decided, or an AAP project at its proof step), no instruction days are counted.
  const decided = row.status !== "SUBMITTED" && row.status !== "CHANGES_REQUESTED";
  const answersTabs: TabsProps.Uncontrolled["tabs"] = project
    ? [{ label: "Projet et pièces", iconId: "fr-icon-file-text-line", content: <ProjectCallView review={project} /> }]
    : care && transmitted
      ? [
          {
            label: "Relève, montants et pièces",
            iconId: "fr-icon-file-text-line",
            content: <CareReleveReviewView review={care} parts={transmitted.parts} year={row.guichet.year} submittedOn={parisDate(new Date(transmitted.snapshot.submittedAt))} nameOf={nameOf} />,
          },
        ]
      : [
        {
          label: "Pièces et réponses",
          iconId: "fr-icon-file-text-line",
          content: transmitted ? (
            <>
              <DossierAnswers kind={row.guichet.kind} data={transmitted.snapshot.data} year={row.guichet.year} />
              {transmitted.parts.map((part) => (
                <TransmittedPartSection key={part.finess} part={part} kind={row.guichet.kind} year={row.guichet.year} nameOf={nameOf} />
              ))}
            </>
          ) : (
            <p>Aucune transmission enregistrée pour ce dossier.</p>
          ),
        },
        {
          label: "Montants",
          iconId: "fr-icon-money-euro-circle-line",
          content: (
            <section aria-labelledby="montants">
              <h2 id="montants">Montants</h2>
              {transmitted ? <AmountsTable parts={transmitted.parts} kind={row.guichet.kind} year={row.guichet.year} /> : <p>Aucune transmission enregistrée pour ce dossier.</p>}
            </section>
          ),
        },
      ];
  return (
    <>
      <Breadcrumb
        segments={[
          { label: `Instruction ${space.body}`, linkProps: { href: space.basePath } },
          { label: "Dossiers à instruire", linkProps: { href: queuePath(space) } },
        ]}
        currentPageLabel={`Dossier n° ${row.number}`}
      />
      <h1>
        Dossier n° {row.number} <DossierStatusBadge status={row.status} kind={row.guichet.kind} />
      </h1>
      <p className={fr.cx("fr-text--lead")}>
        {row.guichet.label} — {row.carrier.name} (FINESS EJ {row.carrier.finess})
        {row.legalEntities.length > 1 && ght ? ` pour ${row.legalEntities.length} EJ du ${ght.name}` : ""}
      </p>
      <ul>
        <li>
          Référent qui complète le dossier : {row.completedBy.name} (<a href={`mailto:${row.completedBy.email}`}>{row.completedBy.email}</a>)
        </li>
        <li>Dernière transmission : {row.submittedAt ? formatParisInstant(row.submittedAt) : "—"}</li>
        {row.decidedAt && <li>Décision : {formatParisInstant(row.decidedAt)}</li>}
        <li>
          Fin de l&apos;instruction : {formatCalendarDate(instruction.instructionEndsOn)} — {daysLeftSentence(decided ? null : instruction.daysLeft, instruction.instructionEndsOn)}
        </li>
      </ul>
      {row.status === "CHANGES_REQUESTED" && instruction.openChangeRequest && (
        <Alert
          className={fr.cx("fr-mb-4w")}
          severity="warning"
          small
          role={undefined}
          description={`Complément demandé le ${formatParisDay(new Date(instruction.openChangeRequest.createdAt))} : l'établissement corrige son dossier. La page montre la dernière transmission ; ses modifications en cours ne sont visibles qu'une fois transmises.`}
        />
      )}
      {lastChanges && latest && !lastChanges.unchanged && (
        <Alert
          className={fr.cx("fr-mb-4w")}
          severity="info"
          small
          role={undefined}
          description={`Transmission n° ${latest.sequence} du ${formatParisInstant(latest.submittedAt)} : ${changeCount(lastChanges)} depuis la transmission n° ${lastChanges.fromSequence} (onglet « Ce qui a changé »).`}
        />
      )}

      {project ? (
        <>
          {/* The common change request stays for a transmitted project; its decision is the grid's. */}
          {(row.status === "SUBMITTED" || row.status === "CHANGES_REQUESTED") && <InstructionActions model={instruction} />}
          <ProjectCallPanels
            model={{
              dossierId: project.dossierId,
              number: project.number,
              version: project.version,
              category: project.category,
              canDecideSelection: project.canDecideSelection,
              selectionBlockedReason: project.selectionBlockedReason,
              canReviewProof: project.canReviewProof,
              secondPaymentCents: project.payments?.secondCents ?? null,
              openProofChangeRequest: project.openProofChangeRequest,
            }}
            summary={project.selection ? <SelectionSummary selection={project.selection} payments={project.payments} /> : null}
            proofReview={project.proof ? <ProofReview targets={project.proof.targets} transmission={project.transmission} /> : null}
          />
        </>
      ) : (
        <InstructionActions model={instruction} />
      )}

      <Tabs
        className={fr.cx("fr-mt-6w")}
        label="Contenu du dossier"
        tabs={[
          ...answersTabs,
          {
            label: "Ce qui a changé",
            iconId: "fr-icon-git-pull-request-line",
            content: (
              <section aria-labelledby="dernieres-modifications">
                <h2 id="dernieres-modifications">{lastChanges ? `Ce qui a changé depuis la transmission n° ${lastChanges.fromSequence}` : "Ce qui a changé"}</h2>
                {lastChanges && latest ? (
                  <>
                    <p>
                      Transmission n° {latest.sequence} du {formatParisInstant(latest.submittedAt)} comparée à la précédente (documents comparés par leur empreinte SHA-256, chaque exemplaire
                      compté).
                    </p>
                    <SnapshotDiffView diff={lastChanges} nameOf={nameOf} heading="h3" />
                  </>
                ) : (
                  <p>Une seule transmission : il n&apos;y a rien à comparer.</p>
                )}
              </section>
            ),
          },
          {
            label: "Historique",
            iconId: "fr-icon-time-line",
            content: (
              <DossierHistory dossierId={row.id} submissions={review.submissions} changeRequests={review.changeRequests} events={review.events} nameOf={nameOf} instructor={space.bodyWithArticle} />
            ),
          },
        ]}
      />
    </>
  );
}
