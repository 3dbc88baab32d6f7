"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { beginSignIn } from "@/app/connexion/actions";
import { SecondFactorStep, type PendingSignIn } from "@/components/auth/second-factor-step";
import { authenticationMessage, safeCallbackPath } from "@/lib/auth/authentication-messages";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Saisissez votre adresse e-mail.").email("Saisissez une adresse e-mail valide, par exemple nom@etablissement.fr."),
  password: z.string().min(1, "Saisissez votre mot de passe."),
});

type SignInValues = z.infer<typeof signInSchema>;

/**
 * E-mail and password (DSFR Input), then the second factor when the account has or needs one
 * (SecondFactorStep). A failed attempt is said in an Alert above the fields; it goes as soon as
 * the user changes a field, so the page never shows a failure of credentials that are no longer
 * the ones typed.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string | null; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState<PendingSignIn | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  /** The last step: next-auth opens the session the challenge allows. */
  async function finish(proof: { challenge: string; code?: string; recoveryCode?: string }): Promise<string | null> {
    const result = await signIn("credentials", { ...proof, redirect: false });
    if (!result || result.error || !result.ok) return authenticationMessage(result?.error);
    // A full navigation: the root layout (the header with the account) is rendered once, signed in,
    // where a client push would keep the signed-out header until a second, concurrent refresh.
    window.location.assign(safeCallbackPath(callbackUrl) ?? "/espace");
    return null;
  }

  async function onSubmit(values: SignInValues) {
    setError(null);
    const started = await beginSignIn(values);
    if (!started.ok) {
      setError(started.message);
      return;
    }
    if (started.data.step === "NONE") {
      setError(await finish({ challenge: started.data.challenge }));
      return;
    }
    setPending(started.data);
  }

  const clearFailure = () => setError(null);

  if (pending) {
    return (
      <SecondFactorStep
        pending={pending}
        finish={finish}
        restart={(message) => {
          setPending(null);
          setError(message);
        }}
      />
    );
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-describedby={error ? "erreur-connexion" : undefined}>
      {/* role="alert" (DSFR's default for errors): announced as it appears. */}
      {error && <Alert id="erreur-connexion" severity="error" small className={fr.cx("fr-mb-3w")} description={error} />}
      <Input
        label="Adresse e-mail"
        hintText="Format attendu : nom@domaine.fr"
        state={errors.email ? "error" : "default"}
        stateRelatedMessage={errors.email?.message}
        nativeInputProps={{
          ...register("email", { onChange: clearFailure }),
          type: "email",
          autoComplete: "email",
          spellCheck: false,
          "aria-invalid": errors.email ? true : undefined,
        }}
      />
      <Input
        label="Mot de passe"
        state={errors.password ? "error" : "default"}
        stateRelatedMessage={errors.password?.message}
        nativeInputProps={{
          ...register("password", { onChange: clearFailure }),
          type: "password",
          autoComplete: "current-password",
          "aria-invalid": errors.password ? true : undefined,
        }}
      />
      <p className={fr.cx("fr-mb-3w")}>
        <Link className={fr.cx("fr-link", "fr-link--sm")} href="/mot-de-passe-oublie">
          Mot de passe oublié ?
        </Link>
      </p>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Connexion…" : "Se connecter"}
      </Button>
    </form>
  );
}
