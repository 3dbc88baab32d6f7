import type { Metadata } from "next";
import { InstructionQueuePage } from "@/components/instruction/instruction-queue-page";
import { ANS_SPACE } from "@/components/instruction/instruction-space";
import { requireRole } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { loadQueuePage } from "@/lib/instruction/instruction-pages";
import { parseQueueFilters } from "@/lib/instruction/queue-filters";

export const metadata: Metadata = { title: "Dossiers à instruire — ANS" };

/** The national queue of the CaRE relèves, every region (scope applied in the query, lib/instruction/queue). */
export default async function AnsQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("ANS_INSTRUCTOR", "/ans/dossiers");
  const filters = parseQueueFilters(await searchParams);
  return <InstructionQueuePage space={ANS_SPACE} filters={filters} data={await loadQueuePage(getDb(), user, filters, now())} />;
}
