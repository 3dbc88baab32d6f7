import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountRequestForm } from "@/components/accounts/account-request-form";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Demander un compte établissement" };

export default async function AccountRequestPage() {
  if (await getCurrentUser()) redirect("/espace");
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Demander un compte établissement</h1>
        <p>
          Ce compte permet d&apos;agir pour une entité juridique (EJ) : candidater, déposer les éléments de preuve, réaliser l&apos;autoévaluation IE.
          Votre demande est examinée par un référent déjà actif de l&apos;établissement ; s&apos;il n&apos;y en a pas encore, par l&apos;ARS de votre
          région.
        </p>
        <p className={fr.cx("fr-text--sm")}>
          Vous avez déjà un compte ? <Link href="/connexion">Connectez-vous</Link>.
        </p>
        <AccountRequestForm />
      </div>
    </div>
  );
}
