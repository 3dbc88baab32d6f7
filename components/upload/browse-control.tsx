"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Ref } from "react";

/**
 * The visible, French half of a DSFR upload field — « Glissez-déposez … ou Parcourir », as on
 * Convergence (source 003) — in place of the browser's own « Choose File ». The native input
 * stays in the page, labelled and visually hidden (see `hiddenNativeInputProps`); this button
 * opens it and is what a keyboard user reaches, with DSFR's focus ring.
 */
export function BrowseControl({
  onBrowse,
  buttonRef,
  multiple = false,
  dragging = false,
  disabled = false,
  describedBy,
  context,
}: {
  onBrowse: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
  multiple?: boolean;
  dragging?: boolean;
  disabled?: boolean;
  /** The id of the field's hint, read after the button's name. */
  describedBy?: string;
  /** What the field is for, read by screen readers after « Parcourir ». */
  context?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className={fr.cx("fr-icon-upload-2-line")} aria-hidden="true" />
      <span aria-hidden="true">{dragging ? "Relâchez pour déposer" : multiple ? "Glissez-déposez vos fichiers ici ou" : "Glissez-déposez votre fichier ici ou"}</span>
      <Button
        type="button"
        ref={buttonRef}
        priority="secondary"
        size="small"
        disabled={disabled}
        onClick={onBrowse}
        nativeButtonProps={{ "aria-describedby": describedBy, "data-focus-target": true }}
      >
        Parcourir
        {context && <span className="fr-sr-only"> — {context}</span>}
      </Button>
    </div>
  );
}

/** The props that keep DSFR's native file input labelled but out of sight and out of the tab order. */
export const hiddenNativeInputProps = { tabIndex: -1, className: fr.cx("fr-upload", "fr-sr-only") } as const;
