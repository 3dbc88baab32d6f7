import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";

/** The name of the region an instructor works for, shown in the ARS pages' titles; null when the account has none (or an unknown code). */
export async function instructorRegionName(db: Database, user: CurrentUser): Promise<string | null> {
  if (!user.regionCode) return null;
  const region = await db.region.findUnique({ where: { code: user.regionCode }, select: { name: true } });
  return region?.name ?? null;
}
