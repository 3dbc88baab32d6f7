import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { SignInForm } from "@/components/sign-in-form";
import { authenticationMessage, safeCallbackPath } from "@/lib/auth/authentication-messages";
import { getCurrentUser } from "@/lib/auth/session";
import { ssoButtons } from "@/lib/auth/sso/providers";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackPath(callbackUrl) ?? "/espace");
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Connexion au Guichet HospiConnect</h1>
        <p>
          Connectez-vous avec l&apos;adresse e-mail et le mot de passe de votre compte : référent d&apos;établissement, instructeur ARS ou
          administrateur DNS.
        </p>
        {/* ProConnect and Pro Santé Connect, only those configured on the server (no secret reaches the page). */}
        <SsoButtons providers={ssoButtons()} callbackUrl={safeCallbackPath(callbackUrl)} />
        <div className={fr.cx("fr-mb-6w")}>
          <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} initialError={error ? authenticationMessage(error) : null} />
        </div>
        <h2 className={fr.cx("fr-h6")}>Pas encore de compte ?</h2>
        <p className={fr.cx("fr-text--sm")}>
          Vous agissez pour un établissement de santé : demandez un compte, il sera accordé par un référent de votre établissement ou, à défaut, par votre
          ARS. Les comptes des instructeurs ARS et des administrateurs DNS sont créés par l&apos;administration du programme. Sans compte, vous pouvez déjà{" "}
          <Link href="/simulateur">simuler un financement</Link>.
        </p>
        <Button linkProps={{ href: "/inscription" }} priority="secondary">
          Demander un compte établissement
        </Button>
      </div>
    </div>
  );
}
