import type { Metadata } from "next";
import { InstructionQueuePage } from "@/components/instruction/instruction-queue-page";
import { ARS_SPACE } from "@/components/instruction/instruction-space";
import { requireRole } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { loadQueuePage } from "@/lib/instruction/instruction-pages";
import { parseQueueFilters } from "@/lib/instruction/queue-filters";

export const metadata: Metadata = { title: "Dossiers à instruire — ARS" };

/** The instruction queue of the instructor's region (scope applied in the query, lib/instruction/queue). */
export default async function ArsQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("ARS_INSTRUCTOR", "/ars/dossiers");
  const filters = parseQueueFilters(await searchParams);
  return <InstructionQueuePage space={ARS_SPACE} filters={filters} data={await loadQueuePage(getDb(), user, filters, now())} />;
}
