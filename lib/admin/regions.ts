import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { assertAdmin } from "./accounts";

export interface RegionChoice {
  code: string;
  name: string;
}

/** The regions (ARS) an admin picks from in the DNS forms and filters, by name or by code. */
export async function regionChoices(db: Database, actor: CurrentUser, orderBy: "name" | "code" = "name"): Promise<RegionChoice[]> {
  assertAdmin(actor);
  return db.region.findMany({ orderBy: { [orderBy]: "asc" }, select: { code: true, name: true } });
}
