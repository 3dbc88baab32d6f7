import type { Prisma } from "@/lib/generated/prisma/client";
import { MAX_PROJECTS_PER_FINESS_PMSI, projectLimitOffences, type ProjectLimitOffence } from "./project-limit";

const SLOTS = Array.from({ length: MAX_PROJECTS_PER_FINESS_PMSI }, (_, index) => index + 1);

/**
 * Takes, inside the transmission's transaction, one of the two slots of each FINESS PMSI of the
 * project's perimeter (source 001: two projects at most per FINESS PMSI, as porteur or as party).
 * A slot the project already holds (a retransmission) is kept. Returns the FINESS PMSI whose two
 * slots other projects hold, with source 001's message; the caller then throws, which rolls the
 * transaction back and gives back any slot taken here.
 *
 * Safe under concurrency without a table lock: `INSERT … ON CONFLICT DO NOTHING` on the primary key
 * (guichet, FINESS PMSI, slot) waits for a concurrent transaction inserting the same slot, and takes
 * nothing if that one commits — so two transmissions at the same instant can never make a third.
 */
export async function takeProjectSlots(
  tx: Prisma.TransactionClient,
  input: { guichetId: string; dossierId: string; finessPmsi: readonly string[]; at: Date; names?: Readonly<Record<string, string>> },
): Promise<ProjectLimitOffence[]> {
  const full: string[] = [];
  // In a fixed order, so that two projects sharing several FINESS PMSI wait for each other in the same order.
  for (const finessPmsi of [...new Set(input.finessPmsi)].sort()) {
    const held = await tx.projectCallSlot.findUnique({ where: { dossierId_finessPmsi: { dossierId: input.dossierId, finessPmsi } } });
    if (held) continue;
    let taken = false;
    for (const slot of SLOTS) {
      const inserted = await tx.$executeRaw`
        INSERT INTO "ProjectCallSlot" ("guichetId", "finessPmsi", "slot", "dossierId", "takenAt")
        VALUES (${input.guichetId}, ${finessPmsi}, ${slot}, ${input.dossierId}, ${input.at})
        ON CONFLICT DO NOTHING`;
      if (inserted === 1) {
        taken = true;
        break;
      }
    }
    if (!taken) full.push(finessPmsi);
  }
  return projectLimitOffences({
    finessPmsi: full,
    otherProjectCounts: Object.fromEntries(full.map((finessPmsi) => [finessPmsi, MAX_PROJECTS_PER_FINESS_PMSI])),
    names: input.names,
  });
}

/** Gives back the project's slots (a refused project no longer counts, source 001 — see project-limit.ts). */
export async function releaseProjectSlots(tx: Prisma.TransactionClient, dossierId: string): Promise<number> {
  const { count } = await tx.projectCallSlot.deleteMany({ where: { dossierId } });
  return count;
}
