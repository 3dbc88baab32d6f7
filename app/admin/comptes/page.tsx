import type { Metadata } from "next";
import Link from "next/link";
import { AccountActions } from "@/components/admin/account-actions";
import { AccountCreateForm } from "@/components/admin/account-create-form";
import { LegalEntityReferents } from "@/components/admin/legal-entity-referents";
import { listAccounts, searchReferents } from "@/lib/admin/accounts";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "Comptes — Administration DNS" };

const ROLES = Object.keys(ROLE_LABELS) as Role[];
const dateFr = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });

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
  const [regions, accounts, referents] = await Promise.all([
    db.region.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }),
    listAccounts(db, user, { role, regionCode }),
    searchReferents(db, user, search),
  ]);
  return (
    <div className="space-y-10">
      <div>
        <p className="text-sm">
          <Link href="/admin">Administration DNS</Link> › Comptes
        </p>
        <h1 className="text-3xl font-bold">Comptes</h1>
      </div>

      <AccountCreateForm regions={regions} />

      <section aria-labelledby="comptes-liste" className="space-y-4">
        <h2 id="comptes-liste" className="text-xl font-bold">
          Comptes existants
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="filtre-role" className="block font-semibold">
              Rôle
            </label>
            <select id="filtre-role" name="role" defaultValue={role ?? ""} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
              <option value="">Tous les rôles</option>
              {ROLES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {ROLE_LABELS[candidate]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filtre-region" className="block font-semibold">
              Région
            </label>
            <select id="filtre-region" name="region" defaultValue={regionCode ?? ""} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2">
              <option value="">Toutes les régions</option>
              {regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {region.code} – {region.name}
                </option>
              ))}
            </select>
          </div>
          {search && <input type="hidden" name="ej" value={search} />}
          <button type="submit" className="bg-bleu-france px-4 py-2 font-semibold text-white">
            Filtrer
          </button>
        </form>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Comptes ({accounts.length})</caption>
            <thead>
              <tr className="border-b-2 border-gris-texte">
                <th scope="col" className="py-2 pr-3">Nom</th>
                <th scope="col" className="py-2 pr-3">E-mail</th>
                <th scope="col" className="py-2 pr-3">Rôle</th>
                <th scope="col" className="py-2 pr-3">Région</th>
                <th scope="col" className="py-2 pr-3">État</th>
                <th scope="col" className="py-2 pr-3">Dernière connexion</th>
                <th scope="col" className="py-2">Actions</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id} className="border-b border-gris-bordure align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">{account.name}</th>
                  <td className="py-2 pr-3">{account.email}</td>
                  <td className="py-2 pr-3">
                    {ROLE_LABELS[account.role]}
                    {account.role === "ESTABLISHMENT_REFERENT" && ` (${account.legalEntities} EJ)`}
                  </td>
                  <td className="py-2 pr-3">{account.regionName ?? "—"}</td>
                  <td className="py-2 pr-3">
                    {account.active ? "Actif" : "Désactivé"}
                    {!account.hasPassword && <span className="block text-xs">Mot de passe non défini</span>}
                  </td>
                  <td className="py-2 pr-3">{account.lastSignInAt ? dateFr.format(account.lastSignInAt) : "Jamais"}</td>
                  <td className="py-2">
                    <AccountActions userId={account.id} email={account.email} active={account.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {accounts.length === 0 && <p className="py-2">Aucun compte ne correspond à ces filtres.</p>}
        </div>
      </section>

      <section aria-labelledby="referents-titre" className="space-y-4">
        <h2 id="referents-titre" className="text-xl font-bold">
          Référents des établissements
        </h2>
        <form method="get" role="search" className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="recherche-ej" className="block font-semibold">
              FINESS EJ ou raison sociale
            </label>
            <input id="recherche-ej" name="ej" defaultValue={search} minLength={2} className="mt-1 border-b-2 border-gris-texte bg-fond-alt px-3 py-2" />
          </div>
          {role && <input type="hidden" name="role" value={role} />}
          {regionCode && <input type="hidden" name="region" value={regionCode} />}
          <button type="submit" className="bg-bleu-france px-4 py-2 font-semibold text-white">
            Rechercher
          </button>
        </form>
        {search.length >= 2 && referents.length === 0 && <p role="status">Aucun établissement ne correspond à « {search} ».</p>}
        {referents.map((entity) => (
          <LegalEntityReferents key={entity.finess} entity={entity} linkToEntity />
        ))}
      </section>
    </div>
  );
}
