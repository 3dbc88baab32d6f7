"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { forwardRef, type MouseEvent, type ReactNode } from "react";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { fieldId } from "./field-id";

// The DOM id of the field a server error key points at (a plain module, for server components too).
export { fieldId };

const FOCUSABLE = "input:not([type=hidden]):not([tabindex='-1']):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]";

/**
 * Moves the focus to the field of `key`: the element of that id when it is a control, else the
 * control its group marks with data-focus-target (an upload's button), else its first control.
 */
export function focusField(key: string): boolean {
  const target = document.getElementById(fieldId(key));
  if (!target) return false;
  const control = target.matches(FOCUSABLE) ? target : (target.querySelector<HTMLElement>("[data-focus-target]:not([disabled])") ?? target.querySelector<HTMLElement>(FOCUSABLE));
  const focused = control ?? target;
  if (!control && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  focused.focus();
  focused.scrollIntoView({ block: "center" });
  return true;
}

/** A link to a field that focuses it (the href keeps it working without JavaScript). */
export function FieldLink({ fieldKey, children }: { fieldKey: string; children: ReactNode }) {
  return (
    <a
      href={`#${fieldId(fieldKey)}`}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (focusField(fieldKey)) event.preventDefault();
      }}
    >
      {children}
    </a>
  );
}

/** What a DSFR field shows: its errors (red), else the ARS's notes on it (information). */
export function fieldState(errors: readonly string[] | undefined, notes: readonly string[] | undefined = undefined) {
  const messages = [...(errors ?? []), ...(notes ?? [])];
  if (messages.length === 0) return { state: "default" as const, stateRelatedMessage: undefined };
  return { state: errors?.length ? ("error" as const) : ("info" as const), stateRelatedMessage: messages.join(" ") };
}

export interface SummaryGroup {
  heading: string | null;
  items: { key: string; message: string }[];
}

/**
 * The list of what blocks the transmission, grouped per EJ, each item a link that focuses its
 * field. It follows the form as it is fixed: an item leaves the list when its field is right.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { title: string; groups: SummaryGroup[] }>(function ErrorSummary({ title, groups }, ref) {
  const count = groups.reduce((total, group) => total + group.items.length, 0);
  return (
    <div id="resume-erreurs" tabIndex={-1} ref={ref}>
      {count === 0 ? (
        <Alert severity="success" small role="status" description="Tous les éléments signalés sont complétés : vous pouvez transmettre le dossier." />
      ) : (
        <Alert
          severity="error"
          as="h2"
          role={undefined}
          title={`${title} — ${count} élément${count > 1 ? "s" : ""} à compléter ou corriger`}
          description={
            <>
              {groups
                .filter((group) => group.items.length > 0)
                .map((group) => (
                  <div key={group.heading ?? "dossier"} className="fr-mt-2w">
                    {group.heading && <p className="fr-text--bold fr-mb-1v">{group.heading}</p>}
                    <ul>
                      {group.items.map((item, index) => (
                        <li key={`${item.key}-${index}`}>
                          <FieldLink fieldKey={item.key}>{item.message}</FieldLink>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
            </>
          }
        />
      )}
    </div>
  );
});

/** Groups keyed messages per EJ ("parts.<FINESS>.…") in the order of `parts`, the rest after. */
export function summaryGroups(errors: FieldErrors, parts: readonly { finess: string; name: string }[], otherHeading: string | null): SummaryGroup[] {
  const entries = Object.entries(errors).flatMap(([key, messages]) => messages.map((message) => ({ key, message })));
  const groups: SummaryGroup[] = parts.map((part) => ({ heading: parts.length > 1 || otherHeading ? part.name : null, items: entries.filter((entry) => entry.key.startsWith(`parts.${part.finess}.`)) }));
  const rest = entries.filter((entry) => !parts.some((part) => entry.key.startsWith(`parts.${part.finess}.`)));
  groups.push({ heading: rest.length > 0 && parts.length > 0 ? otherHeading : null, items: rest });
  return groups.filter((group) => group.items.length > 0);
}
