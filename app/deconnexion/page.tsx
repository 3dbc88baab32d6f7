import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Déconnexion" };

export default async function SignOutPage() {
  const user = await getCurrentUser();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Déconnexion</h1>
      {user ? (
        <>
          <p>Vous êtes connecté en tant que {user.email}. Voulez-vous vous déconnecter ?</p>
          <SignOutButton />
        </>
      ) : (
        <p>
          Vous n&apos;êtes pas connecté. <Link href="/connexion">Se connecter</Link>
        </p>
      )}
    </div>
  );
}
