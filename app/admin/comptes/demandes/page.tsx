import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Metadata } from "next";
import { RequestDecisions } from "@/components/accounts/request-decisions";
import { listRequestsToDecide } from "@/lib/accounts/account-requests";
import { toRequestRow } from "@/lib/accounts/request-rows";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { decideRequestAsDns } from "./actions";

export const metadata: Metadata = { title: "Demandes de compte — Administration DNS" };

export default async function DnsAccountRequestsPage() {
  const user = await requireRole("DNS_ADMIN", "/admin/comptes/demandes");
  const requests = await listRequestsToDecide(getDb(), user);
  return (
    <>
      <Breadcrumb
        segments={[
          { label: "Administration DNS", linkProps: { href: "/admin" } },
          { label: "Comptes", linkProps: { href: "/admin/comptes" } },
        ]}
        currentPageLabel="Demandes de compte"
      />
      <h1>Demandes de compte établissement</h1>
      <p>
        Toutes les demandes dont l&apos;adresse e-mail est confirmée, pour tout établissement. Elles sont d&apos;abord l&apos;affaire des référents de
        l&apos;établissement, ou de l&apos;ARS quand il n&apos;en a aucun : la DNS peut décider à leur place.
      </p>
      <RequestDecisions requests={requests.map(toRequestRow)} decide={decideRequestAsDns} headingLevel={2} />
    </>
  );
}
