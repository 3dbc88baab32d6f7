"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { createApiToken, createApiTokenSchema, revokeApiToken } from "@/lib/api/tokens";

/** A DNS admin creates a token of the information systems' API: its clear value is returned this once. */
export const createApiTokenAction = createAction({ roles: ["DNS_ADMIN"], schema: createApiTokenSchema }, async (input, { user, db }) => {
  const { token, secret } = await createApiToken(db, user, input);
  revalidatePath("/admin/api");
  return { id: token.id, name: token.name, secret };
});

export const revokeApiTokenAction = createAction({ roles: ["DNS_ADMIN"], schema: z.object({ tokenId: z.string().min(1).max(100) }) }, async ({ tokenId }, { user, db }) => {
  await revokeApiToken(db, user, tokenId);
  revalidatePath("/admin/api");
  return { tokenId };
});
