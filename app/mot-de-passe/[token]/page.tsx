import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/admin/set-password-form";
import { PASSWORD_TOKEN_MESSAGES, looksLikeToken } from "@/lib/admin/account-schemas";
import { passwordTokenStatus } from "@/lib/admin/accounts";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Définir votre mot de passe", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = looksLikeToken(token) ? await passwordTokenStatus(getDb(), token, now()) : "unknown";
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Définir votre mot de passe</h1>
        {state === "valid" ? (
          <>
            <p>Choisissez le mot de passe de votre compte du Guichet HospiConnect. Ce lien ne sert qu&apos;une fois.</p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <>
            <Alert severity="error" title="Ce lien ne permet pas de définir un mot de passe" description={PASSWORD_TOKEN_MESSAGES[state]} className={fr.cx("fr-mb-4w")} />
            <Button linkProps={{ href: "/connexion" }}>Aller à la page de connexion</Button>
          </>
        )}
      </div>
    </div>
  );
}
