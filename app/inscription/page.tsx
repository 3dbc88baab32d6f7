import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountRequestForm } from "@/components/accounts/account-request-form";
import { getCurrentUser } from "@/lib/auth/session";
import { isSsoProviderId, ssoProviderName } from "@/lib/auth/sso/providers";
import { z } from "zod";

export const metadata: Metadata = { title: "Demander un compte établissement" };

// A prefilled address only if it is one (it comes from the URL): anything else leaves the field empty.
const prefillSchema = z.email().max(320);

export default async function AccountRequestPage({ searchParams }: { searchParams: Promise<{ email?: string | string[]; sso?: string | string[] }> }) {
  if (await getCurrentUser()) redirect("/espace");
  const { email, sso } = await searchParams;
  const prefill = prefillSchema.safeParse(typeof email === "string" ? email.trim() : undefined);
  // Sent here by a single sign-on that found no account (lib/auth/sso/sign-in.ts).
  const provider = isSsoProviderId(sso) ? ssoProviderName(sso) : null;
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
        {provider && (
          <Alert
            severity="info"
            small
            className={fr.cx("fr-mb-3w")}
            description={`Vous êtes identifié auprès de ${provider}, mais aucun compte du Guichet ne correspond à votre identité : vous n'êtes pas connecté. Demandez un compte ci-dessous.`}
          />
        )}
        <AccountRequestForm initialEmail={prefill.success ? prefill.data : ""} />
      </div>
    </div>
  );
}
