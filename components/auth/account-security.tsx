"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { beginFactorEnrolment, deleteFactor, newRecoveryCodes } from "@/app/compte/securite/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { EnrolAuthenticator } from "./second-factor-step";

export interface FactorView {
  id: string;
  kindLabel: string;
  label: string;
  createdOn: string;
  lastUsedOn: string | null;
}

/** The factors of the signed-in account, and the changes it can make (lib/auth/second-factor/account-security.ts). */
export function AccountSecurity({ factors, recoveryCodesLeft, mandatory }: { factors: FactorView[]; recoveryCodesLeft: number; mandatory: boolean }) {
  const router = useRouter();
  const [enrolling, setEnrolling] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ severity: "success" | "error"; text: string } | null>(null);
  const [busy, startTransition] = useTransition();

  if (enrolling) {
    return (
      <EnrolAuthenticator
        pending={{ challenge: enrolling, step: "ENROL", factors: [] }}
        doneLabel="Terminer"
        finish={async () => {
          setEnrolling(null);
          setMessage({ severity: "success", text: "Second facteur ajouté. Vos autres sessions ont été fermées." });
          router.refresh();
          return null;
        }}
        restart={(text) => {
          setEnrolling(null);
          setMessage({ severity: "error", text });
        }}
      />
    );
  }

  return (
    <div>
      <div aria-live="polite">{message && <Alert severity={message.severity} small className={fr.cx("fr-mb-3w")} description={message.text} />}</div>
      {factors.length === 0 ? (
        <p>{mandatory ? "Votre compte n'a pas encore de second facteur : ajoutez-en un." : "Votre compte se connecte avec le mot de passe seul. Un second facteur le protège d'un mot de passe dérobé."}</p>
      ) : (
        <ul className={fr.cx("fr-mb-3w")}>
          {factors.map((factor) => (
            <li key={factor.id} className={fr.cx("fr-mb-1w")}>
              <strong>{factor.label}</strong> — {factor.kindLabel}, ajouté le {factor.createdOn}
              {factor.lastUsedOn ? `, utilisé pour la dernière fois le ${factor.lastUsedOn}` : ""}{" "}
              <ConfirmAction
                modalId={`retirer-facteur-${factor.id}`}
                trigger="Retirer"
                triggerTitle={`Retirer le second facteur « ${factor.label} »`}
                title="Retirer ce second facteur ?"
                confirmLabel="Retirer"
                priority="tertiary"
                disabled={busy}
                onConfirm={() =>
                  startTransition(async () => {
                    const result = await deleteFactor({ factorId: factor.id });
                    setMessage(result.ok ? { severity: "success", text: "Second facteur retiré. Vos autres sessions ont été fermées." } : { severity: "error", text: result.message });
                    if (result.ok) router.refresh();
                  })
                }
              >
                <p>« {factor.label} » ne permettra plus de vous connecter.</p>
              </ConfirmAction>
            </li>
          ))}
        </ul>
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button
            type="button"
            disabled={busy}
            onClick={() =>
              startTransition(async () => {
                const result = await beginFactorEnrolment({});
                if (result.ok) setEnrolling(result.data.challenge);
                else setMessage({ severity: "error", text: result.message });
              })
            }
          >
            Ajouter un second facteur
          </Button>
        </li>
        {factors.length > 0 && (
          <li>
            <Button
              type="button"
              priority="secondary"
              disabled={busy}
              onClick={() =>
                startTransition(async () => {
                  const result = await newRecoveryCodes({});
                  if (result.ok) setCodes(result.data.codes);
                  else setMessage({ severity: "error", text: result.message });
                })
              }
            >
              Générer de nouveaux codes de secours
            </Button>
          </li>
        )}
      </ul>
      {factors.length > 0 && <p className={fr.cx("fr-text--sm")}>Codes de secours encore utilisables : {recoveryCodesLeft}.</p>}
      {codes && (
        <section aria-labelledby="nouveaux-codes">
          <h2 id="nouveaux-codes" className={fr.cx("fr-h6")}>
            Vos nouveaux codes de secours
          </h2>
          <Alert severity="warning" small className={fr.cx("fr-mb-2w")} description="Ils remplacent les précédents et ne seront plus affichés : conservez-les maintenant." />
          <ul data-testid="codes-de-secours">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
