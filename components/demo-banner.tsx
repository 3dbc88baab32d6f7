import { demoClock, formatParisInstant, now } from "@/lib/clock";

/** Shown on every page while the server simulates the date (never in production). */
export function DemoBanner() {
  if (!demoClock()) return null;
  return (
    <div role="note" className="bg-avertissement px-4 py-2 text-center text-sm font-semibold text-white">
      Mode démonstration — date simulée : {formatParisInstant(now())}
    </div>
  );
}
