"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
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
  size = "medium",
}: {
  action: (input: Input) => Promise<ActionResult<{ id: string }>>;
  input: Input;
  label: string;
  pendingLabel: string;
  /** A longer name for screen readers when the visible label repeats in a list ("Dupliquer l'autoévaluation du …"). */
  accessibleLabel?: string;
  variant?: "primary" | "secondary" | "tertiary";
  size?: "small" | "medium";
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

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        priority={variant}
        size={size}
        onClick={onClick}
        disabled={pending}
        nativeButtonProps={{ "aria-label": accessibleLabel, "aria-describedby": error ? errorId : undefined }}
      >
        {pending ? pendingLabel : label}
      </Button>
      {error && (
        <span id={errorId} role="alert" className={fr.cx("fr-error-text", "fr-mt-1w")}>
          {error}
        </span>
      )}
    </span>
  );
}
