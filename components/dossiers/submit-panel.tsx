"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useIsModalOpen } from "@codegouvfr/react-dsfr/Modal/useIsModalOpen";
import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { submitDossierAction } from "@/app/etablissement/dossiers/actions";
import type { ActionResult } from "@/lib/actions/action-result";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";

// One confirmation dialog per step a page may transmit: the dossier, and an AAP project's proofs.
const CONFIRM_MODALS = {
  dossier: createModal({ id: "confirmer-transmission", isOpenedByDefault: false }),
  proof: createModal({ id: "confirmer-transmission-preuves", isOpenedByDefault: false }),
};

/** What the panel says; the defaults are a dossier's. */
export interface SubmitWording {
  heading: string;
  resubmitHeading: string;
  action: string;
  resubmitAction: string;
  modalTitle: string;
  resubmitModalTitle: string;
  /** The reminder above the button (transmitted or not, what follows). */
  notice: ReactNode;
}

const DOSSIER_WORDING: SubmitWording = {
  heading: "Transmettre à l'ARS",
  resubmitHeading: "Transmettre à nouveau à l'ARS",
  action: "Transmettre le dossier à l'ARS",
  resubmitAction: "Transmettre à nouveau à l'ARS",
  modalTitle: "Transmettre le dossier à l'ARS ?",
  resubmitModalTitle: "Transmettre à nouveau le dossier à l'ARS ?",
  notice: (
    <>
      Tant que vous n&apos;avez pas confirmé la transmission, votre dossier n&apos;est <strong>pas transmis</strong> à l&apos;ARS. Après la
      transmission, il est verrouillé ; un récépissé est disponible.
    </>
  ),
};

interface SubmitPanelProps {
  dossierId: string;
  resubmission: boolean;
  /**
   * Saves what is pending; null when the save failed, else the version to submit and whether
   * the submission rules (the server's, run here) still find something missing or wrong.
   */
  prepare: () => Promise<{ version: number; blocked: boolean } | null>;
  /** The rules found something: the form shows its summary (and focuses it). */
  onBlocked: () => void;
  /** The server refused the transmission with these field errors. */
  onRefused: (errors: FieldErrors) => void;
  /** What will be sent, shown in the confirmation dialog. */
  recap: () => ReactNode;
  /** Which step is transmitted (its own dialog): the dossier (default) or an AAP project's proofs. */
  step?: keyof typeof CONFIRM_MODALS;
  /** The transmission itself; defaults to the common submitDossierAction. */
  submit?: (version: number) => Promise<ActionResult<{ sequence: number }>>;
  wording?: Partial<SubmitWording>;
}

/**
 * "Transmettre à l'ARS": saves first, checks with the submission rules, then asks for a
 * confirmation in a DSFR modal that lists what will be sent, and submits once.
 */
export function SubmitPanel({ dossierId, resubmission, prepare, onBlocked, onRefused, recap, step = "dossier", submit, wording: wordingProps }: SubmitPanelProps) {
  const router = useRouter();
  const confirmModal = CONFIRM_MODALS[step];
  const wording = { ...DOSSIER_WORDING, ...wordingProps };
  const [checking, setChecking] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [content, setContent] = useState<ReactNode>(null);
  const version = useRef<number | null>(null);
  const afterClose = useRef<(() => void) | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  useIsModalOpen(confirmModal, {
    onConceal: () => {
      const next = afterClose.current;
      afterClose.current = null;
      // DSFR gives the focus back to the opener when it closes; move it where the user must look.
      if (next) setTimeout(next, 0);
    },
  });

  async function open() {
    setFailure(null);
    setChecking(true);
    try {
      const prepared = await prepare();
      if (prepared === null) {
        setFailure("Le brouillon n'a pas pu être enregistré : le dossier n'a pas été transmis. Réessayez l'enregistrement ci-dessus.");
        return;
      }
      if (prepared.blocked) {
        onBlocked();
        return;
      }
      version.current = prepared.version;
      setContent(recap());
      confirmModal.open();
    } finally {
      setChecking(false);
    }
  }

  async function confirm() {
    if (version.current === null || sending) return;
    setSending(true);
    try {
      const result = submit ? await submit(version.current) : await submitDossierAction({ dossierId, version: version.current });
      if (!result.ok) {
        const errors = result.fieldErrors ?? {};
        setFailure(Object.keys(errors).length > 0 ? null : result.message);
        afterClose.current = () => (Object.keys(errors).length > 0 ? onRefused(errors) : openButton.current?.focus());
        confirmModal.close();
        return;
      }
      // The page comes back from the server with the dossier transmitted (and says so, focused).
      afterClose.current = () => router.replace(`/etablissement/dossiers/${dossierId}?transmis=${result.data.sequence}`, { scroll: false });
      confirmModal.close();
    } finally {
      setSending(false);
    }
  }

  const action = resubmission ? wording.resubmitAction : wording.action;
  const headingId = step === "dossier" ? "transmission" : `transmission-${step}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} className="fr-h4 fr-mb-0">
        {resubmission ? wording.resubmitHeading : wording.heading}
      </h2>
      <p className="fr-mb-0">{wording.notice}</p>
      {failure && <Alert severity="error" small description={failure} />}
      <div>
        <Button type="button" ref={openButton} disabled={checking || sending} onClick={() => void open()}>
          {checking ? "Vérification du dossier…" : action}
        </Button>
      </div>
      <confirmModal.Component
        title={resubmission ? wording.resubmitModalTitle : wording.modalTitle}
        size="large"
        buttons={[
          { children: "Annuler", priority: "secondary", type: "button" },
          { children: sending ? "Transmission en cours…" : "Transmettre", type: "button", doClosesModal: false, disabled: sending, onClick: () => void confirm() },
        ]}
      >
        {content}
      </confirmModal.Component>
    </section>
  );
}
