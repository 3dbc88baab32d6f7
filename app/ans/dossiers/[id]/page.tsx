import type { Metadata } from "next";
import { InstructionDossierPage } from "@/components/instruction/instruction-dossier-page";
import { ANS_SPACE } from "@/components/instruction/instruction-space";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { loadDossierPage } from "@/lib/instruction/instruction-pages";

export const metadata: Metadata = { title: "Dossier — instruction ANS" };

/** The review of one transmitted CaRE relève by the ANS: 404 when unknown or a draft, 403 for any other dossier. */
export default async function AnsDossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("ANS_INSTRUCTOR", `/ans/dossiers/${id}`);
  return <InstructionDossierPage space={ANS_SPACE} data={await loadForPage(loadDossierPage(getDb(), user, id, now()))} />;
}
