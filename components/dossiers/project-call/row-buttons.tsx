"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { forwardRef, type ReactNode } from "react";

/** « Ajouter … » under a list of rows (perimeter, team, targets, partners); a removal gives it the focus back. */
export const AddRowButton = forwardRef<HTMLButtonElement, { disabled: boolean; onAdd: () => void; children: ReactNode }>(function AddRowButton({ disabled, onAdd, children }, ref) {
  return (
    <Button type="button" priority="secondary" iconId="fr-icon-add-line" ref={ref} disabled={disabled} onClick={onAdd}>
      {children}
    </Button>
  );
});

/** « Retirer … » of one row; `which` tells a screen reader which row, `focusAfter` takes the focus once it is gone. */
export function RemoveRowButton({ onRemove, focusAfter, which, disabled = false, children }: { onRemove: () => void; focusAfter: { current: HTMLButtonElement | null }; which: string; disabled?: boolean; children: ReactNode }) {
  return (
    <Button
      type="button"
      priority="tertiary"
      size="small"
      iconId="fr-icon-delete-line"
      disabled={disabled}
      onClick={() => {
        onRemove();
        focusAfter.current?.focus();
      }}
    >
      {children}
      <span className="fr-sr-only"> ({which})</span>
    </Button>
  );
}
