import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { Metadata } from "next";
import { ApiTokenCreateForm } from "@/components/admin/api-token-create-form";
import { ApiTokenRevokeButton } from "@/components/admin/api-token-revoke-button";
import { DataTable } from "@/components/admin/data-table";
import { regionChoices } from "@/lib/admin/regions";
import { listApiTokens, MAX_TOKEN_DAYS, type ApiTokenStatus } from "@/lib/api/tokens";
import { requireRole } from "@/lib/auth/session";
import { formatCalendarDate, formatParisInstant, parisDate } from "@/lib/clock";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "API des systèmes d'information — Administration DNS" };

const STATUS_BADGES: Record<ApiTokenStatus, { label: string; severity: "success" | "error" | "warning" }> = {
  active: { label: "Actif", severity: "success" },
  expired: { label: "Expiré", severity: "warning" },
  revoked: { label: "Révoqué", severity: "error" },
};

export default async function ApiTokensPage() {
  const user = await requireRole("DNS_ADMIN", "/admin/api");
  const db = getDb();
  // Real time, as the tokens' expiry (never the demo clock).
  const at = new Date();
  const [regions, tokens] = await Promise.all([regionChoices(db, user, "code"), listApiTokens(db, user, at)]);
  const today = parisDate(at);
  const latest = parisDate(new Date(at.getTime() + (MAX_TOKEN_DAYS - 1) * 86_400_000));
  return (
    <>
      <Breadcrumb segments={[{ label: "Administration DNS", linkProps: { href: "/admin" } }]} currentPageLabel="API des systèmes d'information" />
      <h1>API des systèmes d&apos;information</h1>
      <p>
        Les systèmes d&apos;information des ARS et de la DNS lisent les dossiers transmis, leurs montants, décisions et documents par l&apos;API en lecture seule{" "}
        <code>/api/v1</code>, décrite au format OpenAPI à l&apos;adresse <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Chaque appel est journalisé et limité à 600 par minute et par jeton.
      </p>

      <ApiTokenCreateForm regions={regions} today={today} latest={latest} />

      <section aria-labelledby="jetons-liste" className={fr.cx("fr-mb-6w")}>
        <h2 id="jetons-liste">Jetons</h2>
        {tokens.length === 0 ? (
          <p>Aucun jeton n&apos;a encore été créé.</p>
        ) : (
          <DataTable caption={`Jetons (${tokens.length})`} hideCaption>
            <thead>
              <tr>
                <th scope="col" className={fr.cx("fr-cell--fixed")}>
                  Nom
                </th>
                <th scope="col">Périmètre</th>
                <th scope="col">Créé</th>
                <th scope="col">Expire</th>
                <th scope="col">Dernier appel</th>
                <th scope="col">État</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className={fr.cx("fr-cell--fixed", "fr-cell--multiline")}>
                    {token.name}
                  </th>
                  <td className={fr.cx("fr-cell--multiline")}>{token.regionCode ? `${token.regionCode} – ${token.regionName ?? ""}` : "National"}</td>
                  <td className={fr.cx("fr-cell--multiline")}>
                    {formatParisInstant(token.createdAt)} par {token.createdByName}
                  </td>
                  <td>au soir du {formatCalendarDate(token.expiresOn)}</td>
                  <td>{token.lastUsedAt ? formatParisInstant(token.lastUsedAt) : "Jamais"}</td>
                  <td>
                    <Badge as="span" small severity={STATUS_BADGES[token.status].severity}>
                      {STATUS_BADGES[token.status].label}
                    </Badge>
                  </td>
                  <td>{token.status === "revoked" ? `Révoqué le ${formatParisInstant(token.revokedAt!)}` : <ApiTokenRevokeButton tokenId={token.id} name={token.name} />}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </>
  );
}
