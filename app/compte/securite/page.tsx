import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountSecurity } from "@/components/auth/account-security";
import { securityOf } from "@/lib/auth/second-factor/account-security";
import { getCurrentUser } from "@/lib/auth/session";
import { formatParisInstant } from "@/lib/clock/paris-date";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Sécurité du compte" };

const KIND_LABELS = { TOTP: "application d'authentification", WEBAUTHN: "clé de sécurité ou clé d'accès" } as const;

export default async function AccountSecurityPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/connexion?callbackUrl=%2Fcompte%2Fsecurite");
  const { factors, recoveryCodesLeft, mandatory } = await securityOf(getDb(), user);
  return (
    <div className={fr.cx("fr-col-12", "fr-col-md-10", "fr-col-lg-8")}>
      <h1>Sécurité du compte</h1>
      <p>
        {mandatory
          ? "Votre compte se connecte avec son mot de passe et un second facteur, obligatoire pour les instructeurs ARS et ANS et les administrateurs DNS."
          : "Le second facteur est proposé aux référents d'établissement : une fois ajouté, il est demandé à chaque connexion."}{" "}
        Ajouter ou retirer un second facteur ferme vos autres sessions.
      </p>
      <AccountSecurity
        factors={factors.map((factor) => ({
          id: factor.id,
          kindLabel: KIND_LABELS[factor.kind],
          label: factor.label,
          createdOn: formatParisInstant(factor.createdAt),
          lastUsedOn: factor.lastUsedAt ? formatParisInstant(factor.lastUsedAt) : null,
        }))}
        recoveryCodesLeft={recoveryCodesLeft}
        mandatory={mandatory}
      />
    </div>
  );
}
