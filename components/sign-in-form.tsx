"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { authenticationMessage, safeCallbackPath } from "@/lib/auth/authentication-messages";
import { TextField } from "@/components/ui/text-field";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Saisissez votre adresse e-mail.").email("Saisissez une adresse e-mail valide, par exemple nom@etablissement.fr."),
  password: z.string().min(1, "Saisissez votre mot de passe."),
});

type SignInValues = z.infer<typeof signInSchema>;

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInValues) {
    setError(null);
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!result || result.error || !result.ok) {
      setError(authenticationMessage(result?.error));
      return;
    }
    router.push(safeCallbackPath(callbackUrl) ?? "/espace");
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-5" aria-describedby={error ? "erreur-connexion" : undefined}>
      {error && (
        <p id="erreur-connexion" role="alert" className="border-l-4 border-erreur bg-red-50 p-3 font-semibold text-erreur">
          {error}
        </p>
      )}
      <TextField label="Adresse e-mail" type="email" autoComplete="email" error={errors.email?.message} {...register("email")} />
      <TextField label="Mot de passe" type="password" autoComplete="current-password" error={errors.password?.message} {...register("password")} />
      <button
        type="submit"
        disabled={isSubmitting}
        className="bg-bleu-france px-5 py-2 font-semibold text-white hover:bg-bleu-france-hover disabled:opacity-60"
      >
        {isSubmitting ? "Connexion…" : "Se connecter"}
      </button>
    </form>
  );
}
