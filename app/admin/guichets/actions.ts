"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { now } from "@/lib/clock";
import { addDerogation, revokeDerogation, saveGuichet } from "@/lib/guichets/admin";

const ADMIN = ["DNS_ADMIN"] as const;

function refresh() {
  // Guichet dates show on every space: they take effect at once.
  revalidatePath("/", "layout");
}

export const saveGuichetAction = createAction(
  { roles: ADMIN, schema: z.object({ id: z.string().nullable(), input: z.record(z.string(), z.unknown()) }) },
  async ({ id, input }, { db, user }) => {
    const result = await saveGuichet(db, user, id, input, now());
    refresh();
    return result;
  },
);

export const addDerogationAction = createAction({ roles: ADMIN, schema: z.object({ input: z.record(z.string(), z.unknown()) }) }, async ({ input }, { db, user }) => {
  const result = await addDerogation(db, user, input, now());
  refresh();
  return result;
});

export const revokeDerogationAction = createAction({ roles: ADMIN, schema: z.object({ id: z.string().min(1) }) }, async ({ id }, { db, user }) => {
  await revokeDerogation(db, user, id, now());
  refresh();
  return { id };
});
