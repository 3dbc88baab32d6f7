import "server-only";
import type { FoundLegalEntity } from "@/components/simulator/simulator-input";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { combinedActivityOfLegalEntity } from "@/lib/reference/combined-activity-of";
import { listLegalEntitiesForUser } from "@/lib/reference/legal-entities";

/** A referent acts for a few EJ (a GHT support establishment for each EJ of its GHT). */
const MAX_OWN_ENTITIES = 20;

/**
 * The EJ a signed-in establishment referent acts for, with their activité combinée, so that
 * the simulator opens on the referent's own figures. Anyone else (visitor, ARS, DNS) gets none
 * and types a headcount or searches a FINESS.
 */
export async function ownLegalEntities(): Promise<FoundLegalEntity[]> {
  const user = await getCurrentUser();
  if (!user || user.role !== "ESTABLISHMENT_REFERENT") return [];
  const db = getDb();
  const entities = await listLegalEntitiesForUser(db, user, { take: MAX_OWN_ENTITIES });
  return Promise.all(entities.map(async (entity) => ({ ...entity, combinedActivity: await combinedActivityOfLegalEntity(db, entity.finess) })));
}
