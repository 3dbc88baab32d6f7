import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/session";

/** The ANS space is its national queue of CaRE relèves (the ANS has no EJ pages of its own). */
export default async function AnsHome() {
  await requireRole("ANS_INSTRUCTOR", "/ans");
  redirect("/ans/dossiers");
}
