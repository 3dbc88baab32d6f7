import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { PasswordResetForm } from "@/components/auth/password-reset-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgottenPasswordPage() {
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Mot de passe oublié</h1>
        <p>Saisissez l&apos;adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
        <PasswordResetForm />
        <p className={fr.cx("fr-mt-4w")}>
          <Link className={fr.cx("fr-link")} href="/connexion">
            Retour à la connexion
          </Link>
        </p>
      </div>
    </div>
  );
}
