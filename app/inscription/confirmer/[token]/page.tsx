import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Metadata } from "next";
import { ConfirmEmailButton } from "@/components/accounts/confirm-email-button";
import { emailLinkStatus } from "@/lib/accounts/account-requests";
import { EMAIL_LINK_MESSAGES, tokenSchema } from "@/lib/accounts/request-schemas";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Confirmer votre adresse e-mail", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = tokenSchema.safeParse({ token }).success ? await emailLinkStatus(getDb(), token, now()) : "unknown";
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Confirmer votre adresse e-mail</h1>
        {state === "valid" ? (
          <>
            <p>Confirmez que cette adresse est bien la vôtre : votre demande de compte sera alors transmise pour accord.</p>
            <ConfirmEmailButton token={token} />
          </>
        ) : (
          <>
            <Alert
              severity={state === "used" ? "info" : "error"}
              title={state === "used" ? "Adresse déjà confirmée" : "Ce lien ne permet pas de confirmer l'adresse"}
              description={EMAIL_LINK_MESSAGES[state]}
              className={fr.cx("fr-mb-4w")}
            />
            {state === "used" ? (
              <Button linkProps={{ href: "/connexion" }}>Aller à la page de connexion</Button>
            ) : (
              <Button linkProps={{ href: "/inscription" }}>Refaire une demande de compte</Button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
