import type { Metadata } from "next";
import Link from "next/link";
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
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Définir votre mot de passe</h1>
      {state === "valid" ? (
        <SetPasswordForm token={token} />
      ) : (
        <div role="alert" className="space-y-2 border-l-4 border-erreur p-4">
          <p>{PASSWORD_TOKEN_MESSAGES[state]}</p>
          <Link href="/connexion">Aller à la page de connexion</Link>
        </div>
      )}
    </div>
  );
}
