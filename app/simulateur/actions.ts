"use server";

import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { clientAddress, take, type LimitOptions } from "@/lib/security/rate-limit";
import { combinedActivityOfLegalEntity } from "@/lib/reference/combined-activity-of";
import { findLegalEntityByFiness } from "@/lib/reference/public-legal-entity-lookup";
import { finessField, type LegalEntityLookupResult } from "@/components/simulator/simulator-input";
import { logError } from "@/lib/log/logger";

const FAILURE_MESSAGE = "La recherche a échoué, réessayez.";
// Open to anyone: bound what one client can pull from the register (a person types a few FINESS a minute).
const LOOK_UPS: LimitOptions = { name: "simulator-look-up", points: 60, windowSeconds: 60 };

/**
 * Public look-up of an EJ (by its FINESS juridique, or by the FINESS of one of its EG) for the
 * simulator. FINESS and SAE are open data, hence no sign-in. The argument comes from the
 * network, so it is validated whatever its declared type.
 */
export async function lookUpLegalEntity(finess: string): Promise<LegalEntityLookupResult> {
  const parsed = finessField.safeParse(finess);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Numéro FINESS invalide." };
  }
  const address = clientAddress(await headers());
  try {
    const db = getDb();
    const allowed = address ? await take(db, LOOK_UPS, address) : null;
    if (allowed && !allowed.ok) {
      return { ok: false, message: `Trop de recherches depuis votre connexion : réessayez dans ${allowed.retryAfterSeconds} secondes.` };
    }
    const entity = await findLegalEntityByFiness(db, parsed.data);
    if (!entity) {
      return { ok: false, message: `Aucune entité juridique ne correspond au FINESS ${parsed.data}.` };
    }
    return { ok: true, data: { ...entity, combinedActivity: await combinedActivityOfLegalEntity(db, entity.finess) } };
  } catch (error) {
    // The cause (database down, …) is for the server log only, never for the visitor.
    logError("simulator-look-up", error);
    return { ok: false, message: FAILURE_MESSAGE };
  }
}
