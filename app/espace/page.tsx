import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";

/** After sign-in: each role to its own space. */
export default async function SpaceRedirect() {
  const user = await getCurrentUser();
  redirect(user ? ROLE_HOME[user.role] : "/connexion");
}
