"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { moveDemoDate } from "@/lib/admin/demo-date";

const demoDateSchema = z.object({
  // "2026-02-01T10:00" from <input type="datetime-local">, read as Paris time.
  localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Saisissez une date et une heure."),
});

/** Demo mode only: an admin moves the simulated date, e.g. back into the candidature window. */
export const changeDemoDate = createAction({ roles: ["DNS_ADMIN"], schema: demoDateSchema }, async ({ localDateTime }, { user, db }) => {
  const instant = await moveDemoDate(db, user, localDateTime);
  revalidatePath("/", "layout");
  return { instant: instant.toISOString() };
});

