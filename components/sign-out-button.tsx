"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <Button iconId="fr-icon-logout-box-r-line" onClick={() => signOut({ callbackUrl: "/connexion" })}>
      Se déconnecter
    </Button>
  );
}
