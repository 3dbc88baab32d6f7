import { formatParisInstant } from "@/lib/clock/paris-date";
import type { RequestToDecide } from "./account-requests";

/** A request as the decision lists show it (plain strings: it crosses into a client component). */
export function toRequestRow(request: RequestToDecide) {
  return {
    id: request.id,
    name: request.name,
    email: request.email,
    jobTitle: request.jobTitle,
    legalEntityFiness: request.legalEntityFiness,
    legalEntityName: request.legalEntityName,
    requestedFiness: request.requestedFiness,
    confirmedAt: request.emailConfirmedAt ? formatParisInstant(request.emailConfirmedAt) : "—",
  };
}
