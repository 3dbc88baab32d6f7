"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, useState, useTransition } from "react";
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import {
  finishAuthenticatorEnrolment,
  finishSecurityKeyEnrolment,
  securityKeyOptionsForEnrolment,
  securityKeyOptionsForSignIn,
  startAuthenticatorEnrolment,
} from "@/app/connexion/actions";
import { SECOND_STEP_MESSAGES } from "@/lib/auth/authentication-messages";
import type { SecondFactorKind, SignInStep } from "@/lib/generated/prisma/enums";

export interface PendingSignIn {
  challenge: string;
  step: SignInStep;
  factors: SecondFactorKind[];
}

interface Props {
  pending: PendingSignIn;
  /** The last button's words once the recovery codes are shown (the security page says « Terminer »). */
  doneLabel?: string;
  /** Completes the sign-in; answers the French message of a refusal, or null once on its way. */
  finish: (proof: { challenge: string; code?: string; recoveryCode?: string; webauthn?: string }) => Promise<string | null>;
  /** Back to the password, with the reason. */
  restart: (message: string) => void;
}

/** The second step of a sign-in: prove a factor (VERIFY), or enrol one (ENROL, staff without any). */
export function SecondFactorStep({ pending, finish, restart }: Props) {
  return pending.step === "ENROL" ? <EnrolAuthenticator pending={pending} finish={finish} restart={restart} /> : <ProveFactor pending={pending} finish={finish} restart={restart} />;
}

/** What the browser says when the person cancels or has no key: a French sentence, never its English error. */
const BROWSER_KEY_FAILURE = "La clé de sécurité n'a pas répondu (demande annulée, ou aucune clé disponible) : réessayez, ou utilisez un autre moyen.";

/** A refusal that ends the challenge sends back to the password step. */
function settle(message: string | null, restart: Props["restart"], show: (message: string) => void) {
  if (!message) return;
  if (message === SECOND_STEP_MESSAGES.CHALLENGE_EXPIRED || message === SECOND_STEP_MESSAGES.NOT_ENROLLING) restart(message);
  else show(message);
}

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function ProveFactor({ pending, finish, restart }: Props) {
  const hasKey = pending.factors.includes("WEBAUTHN");
  const [useRecovery, setUseRecovery] = useState(!pending.factors.includes("TOTP") && !hasKey);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const label = useRecovery ? "Code de secours" : "Code à usage unique";

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          if (value.trim() === "") {
            setError(useRecovery ? "Saisissez un de vos codes de secours." : "Saisissez le code à 6 chiffres affiché par votre application.");
            return;
          }
          settle(await finish(useRecovery ? { challenge: pending.challenge, recoveryCode: value } : { challenge: pending.challenge, code: value }), restart, setError);
        });
      }}
    >
      <h2 ref={heading} tabIndex={-1} className={fr.cx("fr-h5")}>
        Second facteur
      </h2>
      {hasKey && (
        <div className={fr.cx("fr-mb-3w")}>
          <p>Utilisez la clé de sécurité ou la clé d&apos;accès (passkey) enregistrée pour votre compte.</p>
          <Button
            type="button"
            disabled={busy}
            onClick={() =>
              startTransition(async () => {
                const options = await securityKeyOptionsForSignIn({ challenge: pending.challenge });
                if (!options.ok) return settle(options.message, restart, setError);
                const assertion = await startAuthentication({ optionsJSON: options.data }).catch(() => null);
                if (!assertion) return setError(BROWSER_KEY_FAILURE);
                settle(await finish({ challenge: pending.challenge, webauthn: JSON.stringify(assertion) }), restart, setError);
              })
            }
          >
            Utiliser ma clé de sécurité
          </Button>
          {!pending.factors.includes("TOTP") && <p className={fr.cx("fr-mt-2w", "fr-mb-0")}>Sans votre clé, saisissez un code de secours :</p>}
        </div>
      )}
      <p>
        {useRecovery
          ? "Saisissez un de vos codes de secours (format XXXX-XXXX-XXXX) : chacun ne sert qu'une fois."
          : "Ouvrez votre application d'authentification et saisissez le code affiché pour « Guichet HospiConnect »."}
      </p>
      <Input
        label={label}
        hintText={useRecovery ? "Format attendu : XXXX-XXXX-XXXX" : "Format attendu : 6 chiffres"}
        state={error ? "error" : "default"}
        stateRelatedMessage={error ?? undefined}
        nativeInputProps={{
          value,
          autoComplete: "one-time-code",
          inputMode: useRecovery ? "text" : "numeric",
          spellCheck: false,
          "aria-invalid": error ? true : undefined,
          onChange: (event) => {
            setValue(event.target.value);
            setError(null);
          },
        }}
      />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        <li>
          <Button type="submit" disabled={busy}>
            {busy ? "Vérification…" : "Valider"}
          </Button>
        </li>
        {pending.factors.includes("TOTP") && (
          <li>
            <Button
              type="button"
              priority="tertiary"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setValue("");
                setError(null);
              }}
            >
              {useRecovery ? "Utiliser mon application d'authentification" : "Utiliser un code de secours"}
            </Button>
          </li>
        )}
      </ul>
    </form>
  );
}

/** Enrols an authenticator app or a security key within `pending`'s challenge (sign-in or security page). */
export function EnrolAuthenticator({ pending, finish, restart, doneLabel = "Continuer vers mon espace" }: Props) {
  const [offer, setOffer] = useState<{ secret: string; qrSvg: string } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState("");
  const [label, setLabel] = useState("");
  const [kept, setKept] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const heading = useFocusOnMount<HTMLHeadingElement>();

  if (recoveryCodes) {
    return (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!kept) {
            setError("Cochez la case une fois vos codes de secours conservés.");
            return;
          }
          startTransition(async () => settle(await finish({ challenge: pending.challenge }), restart, setError));
        }}
      >
        <h2 tabIndex={-1} ref={(node) => node?.focus()} className={fr.cx("fr-h5")}>
          Vos codes de secours
        </h2>
        <Alert
          severity="warning"
          small
          className={fr.cx("fr-mb-3w")}
          description="Ces codes ne seront plus jamais affichés. Chacun permet une connexion si vous n'avez plus votre application : imprimez-les ou rangez-les dans un coffre-fort de mots de passe."
        />
        <ul data-testid="codes-de-secours" className={fr.cx("fr-mb-3w")}>
          {recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode}>
              <code>{recoveryCode}</code>
            </li>
          ))}
        </ul>
        <Checkbox
          state={error ? "error" : "default"}
          stateRelatedMessage={error ?? undefined}
          options={[{ label: "J'ai conservé mes codes de secours", nativeInputProps: { checked: kept, onChange: (event) => (setKept(event.target.checked), setError(null)) } }]}
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Un instant…" : doneLabel}
        </Button>
      </form>
    );
  }

  return (
    <div>
      <h2 ref={heading} tabIndex={-1} className={fr.cx("fr-h5")}>
        Protégez votre compte par un second facteur
      </h2>
      <p>
        Les comptes des instructeurs ARS et ANS et des administrateurs DNS se connectent avec un second facteur : une application
        d&apos;authentification (par exemple FreeOTP, Aegis, Google Authenticator ou celle de votre gestionnaire de mots de passe), ou une clé de
        sécurité (FIDO2) ou clé d&apos;accès (passkey) de votre appareil.
      </p>
      {error && !offer && <Alert severity="error" small className={fr.cx("fr-mb-3w")} description={error} />}
      {!offer ? (
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Button
              type="button"
              disabled={busy}
              onClick={() =>
                startTransition(async () => {
                  const begun = await startAuthenticatorEnrolment({ challenge: pending.challenge });
                  if (begun.ok) setOffer(begun.data);
                  else settle(begun.message, restart, setError);
                })
              }
            >
              Configurer une application d&apos;authentification
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              disabled={busy}
              onClick={() =>
                startTransition(async () => {
                  const options = await securityKeyOptionsForEnrolment({ challenge: pending.challenge });
                  if (!options.ok) return settle(options.message, restart, setError);
                  const attestation = await startRegistration({ optionsJSON: options.data }).catch(() => null);
                  if (!attestation) return setError(BROWSER_KEY_FAILURE);
                  const done = await finishSecurityKeyEnrolment({ challenge: pending.challenge, response: JSON.stringify(attestation), label: "" });
                  if (done.ok) setRecoveryCodes(done.data.recoveryCodes);
                  else settle(done.message, restart, setError);
                })
              }
            >
              Enregistrer une clé de sécurité ou une clé d&apos;accès
            </Button>
          </li>
        </ul>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(async () => {
              const done = await finishAuthenticatorEnrolment({ challenge: pending.challenge, code, label });
              if (done.ok) setRecoveryCodes(done.data.recoveryCodes);
              else settle(done.message, restart, setError);
            });
          }}
        >
          <ol>
            <li>
              Scannez ce QR code avec l&apos;application :
              <div role="img" aria-label="QR code à scanner avec l'application d'authentification" className={fr.cx("fr-my-2w")} style={{ width: "12rem" }} dangerouslySetInnerHTML={{ __html: offer.qrSvg }} />
            </li>
            <li>
              ou saisissez-y cette clé : <code data-testid="cle-totp">{offer.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
            </li>
            <li>puis saisissez ci-dessous le code à 6 chiffres qu&apos;elle affiche.</li>
          </ol>
          <Input
            label="Code affiché par l'application"
            hintText="Format attendu : 6 chiffres"
            state={error ? "error" : "default"}
            stateRelatedMessage={error ?? undefined}
            nativeInputProps={{
              value: code,
              autoComplete: "one-time-code",
              inputMode: "numeric",
              "aria-invalid": error ? true : undefined,
              onChange: (event) => (setCode(event.target.value), setError(null)),
            }}
          />
          <Input
            label="Nom de cette application (facultatif)"
            hintText="Pour la reconnaître plus tard, par exemple « Téléphone professionnel »"
            nativeInputProps={{ value: label, maxLength: 80, onChange: (event) => setLabel(event.target.value) }}
          />
          <Button type="submit" disabled={busy}>
            {busy ? "Vérification…" : "Associer l'application"}
          </Button>
        </form>
      )}
    </div>
  );
}
