import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { authenticationMessage, safeCallbackPath } from "@/lib/auth/authentication-messages";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackPath(callbackUrl) ?? "/espace");
  return (
    <div className="max-w-xl">
      <h1 className="mb-2 text-3xl font-bold">Connexion</h1>
      <p className="mb-6">
        Connectez-vous avec l&apos;adresse e-mail et le mot de passe de votre compte : référent d&apos;établissement, instructeur ARS ou
        administrateur DNS.
      </p>
      {error && (
        <p role="alert" className="mb-4 border-l-4 border-erreur bg-red-50 p-3 font-semibold text-erreur">
          {authenticationMessage(error)}
        </p>
      )}
      <SignInForm callbackUrl={safeCallbackPath(callbackUrl)} />
    </div>
  );
}
