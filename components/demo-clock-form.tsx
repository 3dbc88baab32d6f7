"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeDemoDate } from "@/app/admin/actions";

/** Demo mode only: lets an admin move the simulated date to show another phase of the programme. */
export function DemoClockForm({ current }: { current: string }) {
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3 border border-avertissement p-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await changeDemoDate({ localDateTime: value });
          setMessage(result.ok ? "Date simulée modifiée." : result.message);
          if (result.ok) router.refresh();
        });
      }}
    >
      <div>
        <label htmlFor="date-simulee" className="block font-semibold">
          Date simulée (mode démonstration, heure de Paris)
        </label>
        <input
          id="date-simulee"
          type="datetime-local"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="bg-bleu-france px-4 py-2 font-semibold text-white disabled:opacity-60">
        Changer la date
      </button>
      <p role="status" className="w-full text-sm">
        {message}
      </p>
    </form>
  );
}
