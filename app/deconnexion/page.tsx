import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Metadata } from "next";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Déconnexion" };

export default async function SignOutPage() {
  const user = await getCurrentUser();
  return (
    <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
      <h1>Déconnexion</h1>
      {user ? (
        <>
          <p>Vous êtes connecté en tant que {user.email}. Voulez-vous vous déconnecter ?</p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
            <li>
              <SignOutButton />
            </li>
            <li>
              <Button priority="secondary" linkProps={{ href: "/espace" }}>
                Retourner à mon espace
              </Button>
            </li>
          </ul>
        </>
      ) : (
        <>
          <p>Vous n&apos;êtes pas connecté.</p>
          <Button linkProps={{ href: "/connexion" }}>Se connecter</Button>
        </>
      )}
    </div>
  );
}
