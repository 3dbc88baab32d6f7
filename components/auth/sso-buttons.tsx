"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ProConnectButton } from "@codegouvfr/react-dsfr/ProConnectButton";
import { signIn } from "next-auth/react";
import { useState } from "react";

export interface SsoButtonProps {
  id: string;
  label: string;
}

/**
 * One button per configured identity provider (the list comes from the server page). ProConnect
 * has the État's own button (DSFR « fr-connect »); Pro Santé Connect a DSFR secondary button.
 * Both are real <button>s: reachable with the keyboard, named by their visible text.
 */
export function SsoButtons({ providers, callbackUrl }: { providers: SsoButtonProps[]; callbackUrl: string | null }) {
  const [pending, setPending] = useState<string | null>(null);
  if (providers.length === 0) return null;
  const start = (id: string) => {
    setPending(id);
    void signIn(id, { callbackUrl: callbackUrl ?? "/espace" });
  };
  return (
    <section aria-labelledby="connexion-sso-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="connexion-sso-titre" className={fr.cx("fr-h6")}>
        Avec votre identité professionnelle
      </h2>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        {providers.map((provider) => (
          <li key={provider.id}>
            {provider.id === "proconnect" ? (
              <ProConnectButton onClick={() => start(provider.id)} />
            ) : (
              <Button priority="secondary" iconId="fr-icon-account-circle-line" disabled={pending !== null} onClick={() => start(provider.id)}>
                {provider.label}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className={fr.cx("fr-text--sm")}>
        {pending ? "Redirection vers votre fournisseur d'identité…" : ""}
      </p>
      <p className={fr.cx("fr-hr-or")}>ou</p>
    </section>
  );
}
