"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/connexion" })}
      className="bg-bleu-france px-5 py-2 font-semibold text-white hover:bg-bleu-france-hover"
    >
      Se déconnecter
    </button>
  );
}
