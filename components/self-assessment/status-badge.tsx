import type { SelfAssessmentStatus } from "@/lib/generated/prisma/enums";

/** "Brouillon" or "Validée — NRU …"; the text carries the meaning, the colour only repeats it. */
export function SelfAssessmentStatusBadge({ status, nru }: { status: SelfAssessmentStatus; nru: string | null }) {
  if (status === "VALIDATED") {
    return (
      <span className="inline-block border border-succes px-2 py-0.5 text-sm font-semibold text-succes">
        Validée{nru ? <span className="whitespace-nowrap">{` — NRU ${nru}`}</span> : ""}
      </span>
    );
  }
  return <span className="inline-block border border-avertissement px-2 py-0.5 text-sm font-semibold text-avertissement">Brouillon</span>;
}
