"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeDemoDate } from "@/app/admin/actions";

/** Demo mode only: lets an admin move the simulated date to show another phase of the programme. */
export function DemoClockForm({ current }: { current: string }) {
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [result, setResult] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = result && !result.ok ? result.field : undefined;
  return (
    <form
      noValidate
      aria-labelledby="date-simulee-titre"
      className={fr.cx("fr-mb-6w")}
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const outcome = await changeDemoDate({ localDateTime: value });
          setResult(outcome.ok ? { ok: true, text: "Date simulée modifiée." } : { ok: false, text: outcome.message, field: outcome.fieldErrors?.localDateTime?.[0] });
          if (outcome.ok) router.refresh();
        });
      }}
    >
      <h2 id="date-simulee-titre" className={fr.cx("fr-h6", "fr-mb-2w")}>
        Mode démonstration
      </h2>
      <div className="flex flex-wrap items-end gap-4">
        <Input
          className={fr.cx("fr-mb-0")}
          label="Date simulée (mode démonstration, heure de Paris)"
          hintText="La date change pour tout le portail : bandeau, guichets ouverts, échéances et courriels."
          state={fieldError ? "error" : "default"}
          stateRelatedMessage={fieldError}
          nativeInputProps={{
            id: "date-simulee",
            type: "datetime-local",
            "aria-invalid": fieldError ? true : undefined,
            value,
            onChange: (event) => {
              setValue(event.target.value);
              if (result && !result.ok) setResult(null);
            },
          }}
        />
        <Button type="submit" disabled={pending}>
          Changer la date
        </Button>
      </div>
      <div role="status" className={fr.cx("fr-mt-2w")}>
        {result?.ok && <Alert small severity="success" role={undefined} description={result.text} />}
      </div>
      {result && !result.ok && !result.field && <Alert className={fr.cx("fr-mt-2w")} small severity="error" description={result.text} />}
    </form>
  );
}
