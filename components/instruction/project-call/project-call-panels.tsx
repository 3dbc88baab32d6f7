"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { formatParisInstant } from "@/lib/clock/paris-date";
import type { Cents } from "@/lib/funding/money";
import type { ProjectCategoryView } from "@/lib/dossiers/kinds/project-call/review";
import { ProofDecisionPanel } from "./proof-decision-panel";
import { SelectionGridForm } from "./selection-grid-form";

export interface ProjectCallPanelsModel {
  dossierId: string;
  number: string;
  version: number;
  category: ProjectCategoryView;
  canDecideSelection: boolean;
  selectionBlockedReason: string | null;
  canReviewProof: boolean;
  secondPaymentCents: Cents | null;
  openProofChangeRequest: { message: string; createdAt: string } | null;
}

/**
 * The ARS's side of an AAP project, above its tabs: the selection (summary once decided, the grid
 * while it can be decided), then the proofs and the ruling on them. It stays mounted across the
 * refresh that follows an action, so the confirmation stays on screen and takes the focus (the
 * form it replaces is gone).
 */
export function ProjectCallPanels({ model, summary, proofReview }: { model: ProjectCallPanelsModel; summary: ReactNode; proofReview: ReactNode }) {
  const router = useRouter();
  const doneRef = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState<string | null>(null);

  function onDone(message: string) {
    setDone(message);
    router.refresh();
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  return (
    <div className={fr.cx("fr-mb-4w")}>
      {done && (
        <div ref={doneRef} tabIndex={-1} className={fr.cx("fr-mb-3w")}>
          <Alert severity="success" small role="status" description={done} />
        </div>
      )}
      {model.openProofChangeRequest && (
        <Alert
          className={fr.cx("fr-mb-4w")}
          severity="warning"
          role={undefined}
          title={`Complément demandé sur les preuves le ${formatParisInstant(new Date(model.openProofChangeRequest.createdAt))}`}
          description={<span className="whitespace-pre-line">{model.openProofChangeRequest.message}</span>}
        />
      )}
      {summary}
      {model.selectionBlockedReason && <Alert className={fr.cx("fr-mb-4w")} severity="warning" small role={undefined} description={model.selectionBlockedReason} />}
      {model.canDecideSelection && model.category.known && (
        <SelectionGridForm
          model={{ dossierId: model.dossierId, number: model.number, version: model.version, category: model.category.category, capCents: model.category.capCents }}
          onDone={onDone}
        />
      )}
      {proofReview}
      {model.canReviewProof && <ProofDecisionPanel model={{ dossierId: model.dossierId, version: model.version, secondPaymentCents: model.secondPaymentCents }} onDone={onDone} />}
    </div>
  );
}
