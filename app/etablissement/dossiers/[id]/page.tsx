import type { Metadata } from "next";
import Link from "next/link";
import { CandidatureForm } from "@/components/dossiers/candidature-form";
import { ChangeRequestBanner } from "@/components/dossiers/change-request-banner";
import { DecisionNotice } from "@/components/dossiers/decision-notice";
import { DepositForm } from "@/components/dossiers/deposit-form";
import { DossierStatusBadge } from "@/components/dossiers/dossier-status-badge";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { formatCalendarDate, formatParisInstant, now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { buildDossierFormModel } from "@/lib/dossiers/form-model";
import { loadDossierDecision } from "@/lib/dossiers/instruction";
import { DOSSIER_NEXT_STEP } from "@/lib/dossiers/machine";
import { getDossierForUser } from "@/lib/dossiers/service";

export const metadata: Metadata = { title: "Dossier" };

export default async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("ESTABLISHMENT_REFERENT", `/etablissement/dossiers/${id}`);
  const db = getDb();
  const row = await loadForPage(getDossierForUser(db, user, id));
  const model = await buildDossierFormModel(db, row, now());
  const draftLike = model.status === "DRAFT" || model.status === "CHANGES_REQUESTED";
  return (
    <div className="space-y-8">
      <p>
        <Link href="/etablissement/dossiers">← Mes dossiers</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">
          Dossier n° {model.number} <DossierStatusBadge status={model.status} />
        </h1>
        <p>
          {model.guichet.label} — {model.carrier.name} (FINESS EJ {model.carrier.finess})
          {model.parts.length > 1 ? ` pour ${model.parts.length} EJ du ${model.carrier.ghtName}` : ""}
        </p>
        <p className="text-sm">
          Clôture des dépôts : {formatCalendarDate(model.guichet.closesOn)} à 23 h 59 (heure de Paris) — fin de l&apos;instruction :{" "}
          {formatCalendarDate(model.guichet.instructionEndsOn)}.
        </p>
        <p
          className={`border-l-4 p-3 font-semibold ${draftLike ? "border-avertissement bg-orange-50 text-avertissement" : "border-bleu-france bg-bleu-clair text-bleu-france"}`}
          data-testid="etat-dossier"
        >
          {model.status === "DRAFT" && "Brouillon — non transmis à l'ARS. "}
          {model.status === "CHANGES_REQUESTED" && "Modifications en cours — non transmises à l'ARS. "}
          {DOSSIER_NEXT_STEP[model.status]}
          {draftLike && !model.editable && " Le guichet est fermé : ce dossier ne peut plus être modifié."}
        </p>
      </header>
      <DecisionNotice decision={await loadDossierDecision(db, row)} />
      {model.openChangeRequest && <ChangeRequestBanner request={model.openChangeRequest} />}
      {model.kind === "CANDIDATURE" ? <CandidatureForm model={model} /> : <DepositForm model={model} />}
      {model.submissions.length > 0 && (
        <section aria-labelledby="transmissions" className="space-y-2">
          <h2 id="transmissions" className="text-xl font-bold">
            Transmissions et récépissés
          </h2>
          <ul className="list-disc pl-6">
            {model.submissions.map((submission) => (
              <li key={submission.sequence}>
                Transmission n° {submission.sequence} du {formatParisInstant(new Date(submission.submittedAt))} —{" "}
                <a href={`/api/dossiers/${model.id}/recepisses/${submission.sequence}`}>Télécharger le récépissé (PDF)</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
