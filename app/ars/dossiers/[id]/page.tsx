import type { Metadata } from "next";
import { InstructionDossierPage } from "@/components/instruction/instruction-dossier-page";
import { ARS_SPACE } from "@/components/instruction/instruction-space";
import { loadForPage, requireRole } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { loadDossierPage } from "@/lib/instruction/instruction-pages";

export const metadata: Metadata = { title: "Dossier — instruction ARS" };

/** The review of one transmitted dossier by an instructor of its region: 404 when unknown or a draft, 403 for another region or a CaRE relève. */
export default async function ArsDossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireRole("ARS_INSTRUCTOR", `/ars/dossiers/${id}`);
  return <InstructionDossierPage space={ARS_SPACE} data={await loadForPage(loadDossierPage(getDb(), user, id, now()))} />;
}
