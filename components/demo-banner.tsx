import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { demoClock, formatParisInstant, now } from "@/lib/clock";

/** Shown on every page while the server simulates the date (never in production). */
export function DemoBanner() {
  if (!demoClock()) return null;
  return <Notice title={`Mode démonstration — date simulée : ${formatParisInstant(now())}`} />;
}
