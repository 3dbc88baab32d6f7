"use client";

import type { SaveState } from "./use-autosave";

const timeFormatter = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Where the draft stands, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  let text = "";
  let tone = "";
  switch (state.kind) {
    case "idle":
      text = "Brouillon enregistré automatiquement au fil de la saisie.";
      break;
    case "pending":
      text = "Modifications non enregistrées…";
      break;
    case "saving":
      text = "Enregistrement…";
      break;
    case "saved":
      text = `Brouillon enregistré à ${timeFormatter.format(state.at)} — non transmis à l'ARS.`;
      tone = "text-succes";
      break;
    case "error":
      text = state.message;
      tone = "text-erreur font-semibold";
      break;
  }
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`}>
      {text}
      {state.kind === "error" && state.conflict && (
        <>
          {" "}
          <button type="button" className="underline" onClick={() => window.location.reload()}>
            Recharger la page
          </button>
        </>
      )}
    </p>
  );
}
