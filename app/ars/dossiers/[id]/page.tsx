import type { Metadata } from "next";
import Link from "next/link";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { DossierAnswers } from "@/components/instruction/dossier-answers";
import { DossierHistory } from "@/components/instruction/dossier-history";
import { daysLeftSentence, formatParisDay } from "@/components/instruction/format";
import { InstructionActions } from "@/components/instruction/instruction-actions";
import { SnapshotDiffView } from "@/components/instruction/snapshot-diff-view";
import { TransmittedPartSection } from "@/components/instruction/transmitted-part-section";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { formatCalendarDate, formatParisInstant, now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { loadDossierReview } from "@/lib/instruction/dossier-review";

export const metadata: Metadata = { title: "Dossier — instruction ARS" };

/**
 * The review of one transmitted dossier by an instructor of its region: 404 when
 * unknown or a draft, 403 for another region (lib/instruction/dossier-review,
 * through the dossier read policy).
 */
export default async function InstructionDossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("ARS_INSTRUCTOR", `/ars/dossiers/${id}`);
  const review = await loadForPage(loadDossierReview(getDb(), user, id, now()));
  const { row, transmitted, instruction } = review;
  const names = new Map(row.legalEntities.map((part) => [part.legalEntityFiness, part.legalEntity.name]));
  const nameOf = (finess: string) => names.get(finess) ?? finess;
  const latest = review.submissions.at(-1);
  const lastChanges = latest?.changes ?? null;
  const ght = row.carrier.supportOf ?? row.carrier.ght;
  return (
    <div className="space-y-8">
      <p>
        <Link href="/ars/dossiers">← Dossiers à instruire</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">
          Dossier n° {row.number} <DossierStatusBadge status={row.status} />
        </h1>
        <p>
          {row.guichet.label} — {row.carrier.name} (FINESS EJ {row.carrier.finess})
          {row.legalEntities.length > 1 && ght ? ` pour ${row.legalEntities.length} EJ du ${ght.name}` : ""}
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Référent qui complète le dossier</dt>
          <dd>
            {row.completedBy.name} (<a href={`mailto:${row.completedBy.email}`}>{row.completedBy.email}</a>)
          </dd>
          <dt className="font-semibold">Dernière transmission</dt>
          <dd>{row.submittedAt ? formatParisInstant(row.submittedAt) : "—"}</dd>
          {row.decidedAt && (
            <>
              <dt className="font-semibold">Décision</dt>
              <dd>{formatParisInstant(row.decidedAt)}</dd>
            </>
          )}
          <dt className="font-semibold">Fin de l&apos;instruction</dt>
          <dd>
            {formatCalendarDate(instruction.instructionEndsOn)} —{" "}
            {daysLeftSentence(row.status === "ACCEPTED" || row.status === "REFUSED" ? null : instruction.daysLeft, instruction.instructionEndsOn)}
          </dd>
        </dl>
        {row.status === "CHANGES_REQUESTED" && instruction.openChangeRequest && (
          <p className="border-l-4 border-avertissement bg-orange-50 p-3 font-semibold text-avertissement" role="note">
            Complément demandé le {formatParisDay(new Date(instruction.openChangeRequest.createdAt))} : l&apos;établissement corrige son dossier. La page
            montre la dernière transmission ; ses modifications en cours ne sont visibles qu&apos;une fois transmises.
          </p>
        )}
      </header>

      {/* ARS action panel (request changes / accept / refuse): components/instruction/instruction-actions.tsx, written by the lead. */}
      <InstructionActions model={instruction} />

      {lastChanges && latest && (
        <section aria-labelledby="dernieres-modifications" className="space-y-3 border-l-4 border-bleu-france bg-bleu-clair/40 p-4">
          <h2 id="dernieres-modifications" className="text-xl font-bold">
            Ce qui a changé depuis la transmission n° {lastChanges.fromSequence}
          </h2>
          <p className="text-sm">
            Transmission n° {latest.sequence} du {formatParisInstant(latest.submittedAt)} comparée à la précédente (documents comparés par leur empreinte SHA-256).
          </p>
          <SnapshotDiffView diff={lastChanges} nameOf={nameOf} heading="h3" />
        </section>
      )}

      {transmitted ? (
        <>
          <DossierAnswers kind={row.guichet.kind} data={transmitted.snapshot.data} year={row.guichet.year} />
          {transmitted.parts.map((part) => (
            <TransmittedPartSection key={part.finess} part={part} kind={row.guichet.kind} year={row.guichet.year} nameOf={nameOf} />
          ))}
        </>
      ) : (
        <p>Aucune transmission enregistrée pour ce dossier.</p>
      )}

      <DossierHistory dossierId={row.id} submissions={review.submissions} changeRequests={review.changeRequests} events={review.events} nameOf={nameOf} />
    </div>
  );
}
