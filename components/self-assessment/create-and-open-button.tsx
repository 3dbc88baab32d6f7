"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * A button that runs a server action creating a self-assessment ("Nouvelle autoévaluation",
 * "Dupliquer") and opens the one created. The failure message is shown next to the button.
 */
export function CreateAndOpenButton<Input>({
  action,
  input,
  label,
  pendingLabel,
  accessibleLabel,
  variant = "primary",
}: {
  action: (input: Input) => Promise<ActionResult<{ id: string }>>;
  input: Input;
  label: string;
  pendingLabel: string;
  /** A longer name for screen readers when the visible label repeats in a list ("Dupliquer l'autoévaluation du …"). */
  accessibleLabel?: string;
  variant?: "primary" | "secondary";
}) {
  const router = useRouter();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onClick() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result.ok) router.push(`/etablissement/autoevaluations/${result.data.id}`);
        else setError(result.message);
      } catch {
        setError("La demande n'a pas abouti (connexion interrompue ?). Réessayez.");
      }
    });
  }

  const style =
    variant === "primary"
      ? "bg-bleu-france text-white hover:bg-bleu-france-hover"
      : "border border-bleu-france bg-white text-bleu-france hover:bg-bleu-clair";
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={onClick}
        disabled={pending}
        aria-label={accessibleLabel}
        aria-describedby={error ? errorId : undefined}
        className={`px-4 py-2 font-semibold disabled:opacity-60 ${style}`}
      >
        {pending ? pendingLabel : label}
      </button>
      {error && (
        <span id={errorId} role="alert" className="text-sm font-semibold text-erreur">
          {error}
        </span>
      )}
    </span>
  );
}
