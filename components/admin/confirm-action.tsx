"use client";

import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { Button, type ButtonProps } from "@codegouvfr/react-dsfr/Button";
import { useMemo, useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * A button that asks for confirmation in DSFR's modal before a destructive or
 * final action (disabling an account, revoking a derogation, removing a
 * referent). The dialog is rendered at the end of <body>: inside a table cell
 * it would inherit the cell's no-wrap text.
 */
export function ConfirmAction({
  modalId,
  trigger,
  triggerTitle,
  title,
  children,
  confirmLabel,
  onConfirm,
  disabled = false,
  priority = "secondary",
}: {
  /** Unique on the page (a DOM id). */
  modalId: string;
  trigger: ReactNode;
  /** The trigger's accessible name when its visible text is short (« Retirer »). */
  triggerTitle?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  priority?: ButtonProps["priority"];
}) {
  const modal = useMemo(() => createModal({ id: modalId, isOpenedByDefault: false }), [modalId]);
  // The dialog needs document.body: rendered once hydrated (never on the server).
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  return (
    <>
      <Button type="button" size="small" priority={priority} disabled={disabled || !hydrated} nativeButtonProps={{ ...modal.buttonProps, "aria-label": triggerTitle }}>
        {trigger}
      </Button>
      {hydrated &&
        createPortal(
          <modal.Component
            title={title}
            buttons={[
              { children: "Annuler", priority: "secondary" },
              { children: confirmLabel, priority: "primary", onClick: onConfirm },
            ]}
          >
            {children}
          </modal.Component>,
          document.body,
        )}
    </>
  );
}
