import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Metadata } from "next";
import Link from "next/link";
import { AccountActions } from "@/components/admin/account-actions";
import { AccountCreateForm } from "@/components/admin/account-create-form";
import { DataTable } from "@/components/admin/data-table";
import { LegalEntityReferents } from "@/components/admin/legal-entity-referents";
import { listAccounts, searchReferents } from "@/lib/admin/accounts";
import { auditSubject } from "@/lib/audit/subjects";
import { regionChoices } from "@/lib/admin/regions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Comptes — Administration DNS" };

const ROLES = Object.keys(ROLE_LABELS) as Role[];

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("DNS_ADMIN", "/admin/comptes");
  const params = await searchParams;
  const roleParam = single(params.role);
  const role = ROLES.find((candidate) => candidate === roleParam);
  const regionParam = single(params.region);
  const regionCode = /^\d{2}$/.test(regionParam) ? regionParam : undefined;
  const search = single(params.ej).trim().slice(0, 100);
  const db = getDb();
  const [regions, accounts, referents] = await Promise.all([regionChoices(db, user, "code"), listAccounts(db, user, { role, regionCode }), searchReferents(db, user, search)]);
  return (
    <>
      <Breadcrumb segments={[{ label: "Administration DNS", linkProps: { href: "/admin" } }]} currentPageLabel="Comptes" />
      <h1>Comptes</h1>
      <p>
        Les demandes de compte des établissements sont sur la page <Link href="/admin/comptes/demandes">Demandes de compte établissement</Link>.
      </p>

      <AccountCreateForm regions={regions} />

      <section aria-labelledby="comptes-liste" className={fr.cx("fr-mb-6w")}>
        <h2 id="comptes-liste">Comptes existants</h2>
        <form method="get" aria-label="Filtrer les comptes">
          <div className="flex flex-wrap items-end gap-4">
            <Select label="Rôle" className={fr.cx("fr-mb-0")} nativeSelectProps={{ id: "filtre-role", name: "role", defaultValue: role ?? "" }}>
              <option value="">Tous les rôles</option>
              {ROLES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {ROLE_LABELS[candidate]}
                </option>
              ))}
            </Select>
            <Select label="Région" className={fr.cx("fr-mb-0")} nativeSelectProps={{ id: "filtre-region", name: "region", defaultValue: regionCode ?? "" }}>
              <option value="">Toutes les régions</option>
              {regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.code} – {region.name}
                </option>
              ))}
            </Select>
            {search && <input type="hidden" name="ej" value={search} />}
            <Button type="submit" priority="secondary">
              Filtrer
            </Button>
          </div>
        </form>
        <DataTable caption={`Comptes (${accounts.length})`} hideCaption>
          <thead>
            <tr>
              <th scope="col" className={fr.cx("fr-cell--fixed")}>
                Nom
              </th>
              <th scope="col">E-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">Région</th>
              <th scope="col">État</th>
              <th scope="col">Dernière connexion</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <th scope="row" className={fr.cx("fr-cell--fixed", "fr-cell--multiline")}>
                  {account.name}
                  <br />
                  <Link href={`/admin/audit?sujet=${encodeURIComponent(auditSubject.user(account.id))}`} className={fr.cx("fr-text--xs")} aria-label={`Journal d'audit du compte de ${account.name}`}>
                    Journal d&apos;audit
                  </Link>
                </th>
                <td>{account.email}</td>
                <td className={fr.cx("fr-cell--multiline")}>
                  {ROLE_LABELS[account.role]}
                  {account.role === "ESTABLISHMENT_REFERENT" && ` (${account.legalEntities} EJ)`}
                </td>
                <td className={fr.cx("fr-cell--multiline")}>{account.regionName ?? (account.role === "ANS_INSTRUCTOR" ? "National" : "—")}</td>
                <td>
                  <span className="flex flex-wrap gap-1">
                    {account.active ? (
                      <Badge as="span" small severity="success">
                        Actif
                      </Badge>
                    ) : (
                      <Badge as="span" small severity="error">
                        Désactivé
                      </Badge>
                    )}
                    {account.secondFactors > 0 ? (
                      <Badge as="span" small severity="info">
                        Second facteur
                      </Badge>
                    ) : (
                      account.role !== "ESTABLISHMENT_REFERENT" && (
                        <Badge as="span" small severity="warning">
                          Second facteur à configurer
                        </Badge>
                      )
                    )}
                    {!account.hasPassword && (
                      <Badge as="span" small severity="warning">
                        Mot de passe non défini
                      </Badge>
                    )}
                  </span>
                </td>
                <td>{account.lastSignInAt ? formatParisInstant(account.lastSignInAt) : "Jamais"}</td>
                <td>
                  <AccountActions userId={account.id} email={account.email} active={account.active} hasSecondFactor={account.secondFactors > 0} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {accounts.length === 0 && <p>Aucun compte ne correspond à ces filtres.</p>}
      </section>

      <section aria-labelledby="referents-titre">
        <h2 id="referents-titre">Référents des établissements</h2>
        <form method="get" role="search" aria-label="Rechercher les référents d'un établissement" className={fr.cx("fr-mb-4w")}>
          <div className="flex flex-wrap items-end gap-4">
            <Input
              label="FINESS EJ ou raison sociale"
              hintText="Deux caractères au moins."
              className={fr.cx("fr-mb-0")}
              nativeInputProps={{ id: "recherche-ej", name: "ej", defaultValue: search, minLength: 2 }}
            />
            {role && <input type="hidden" name="role" value={role} />}
            {regionCode && <input type="hidden" name="region" value={regionCode} />}
            <Button type="submit" priority="secondary">
              Rechercher
            </Button>
          </div>
        </form>
        {search.length >= 2 && referents.length === 0 && <p role="status">Aucun établissement ne correspond à « {search} ».</p>}
        {referents.map((entity) => (
          <LegalEntityReferents key={entity.finess} entity={entity} linkToEntity />
        ))}
      </section>
    </>
  );
}
