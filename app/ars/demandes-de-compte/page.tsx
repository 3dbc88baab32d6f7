import type { Metadata } from "next";
import { RequestDecisions } from "@/components/accounts/request-decisions";
import { listRequestsToDecide } from "@/lib/accounts/account-requests";
import { toRequestRow } from "@/lib/accounts/request-rows";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { instructorRegionName } from "@/lib/instruction/instructor-region";
import { decideRequestAsArs } from "./actions";

export const metadata: Metadata = { title: "Demandes de compte — Instruction ARS" };

export default async function ArsAccountRequestsPage() {
  const user = await requireRole("ARS_INSTRUCTOR", "/ars/demandes-de-compte");
  const db = getDb();
  const [regionName, requests] = await Promise.all([instructorRegionName(db, user), listRequestsToDecide(db, user)]);
  return (
    <>
      <h1>Demandes de compte — ARS {regionName ?? "(région non renseignée)"}</h1>
      <p>
        Les demandes de compte établissement de votre région dont l&apos;adresse e-mail est confirmée, pour les établissements qui n&apos;ont encore
        aucun référent actif. Dès qu&apos;un établissement a un référent, c&apos;est lui qui examine les demandes suivantes.
      </p>
      <RequestDecisions requests={requests.map(toRequestRow)} decide={decideRequestAsArs} headingLevel={2} />
    </>
  );
}
