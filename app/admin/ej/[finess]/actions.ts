"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { setCareEnvelope } from "@/lib/admin/care-envelopes";
import { now } from "@/lib/clock";

/** The DNS sets one EJ's CaRE envelope by hand, with its reason (lib/admin/care-envelopes.ts checks and audits). */
export const setCareEnvelopeAction = createAction(
  { roles: ["DNS_ADMIN"], schema: z.object({ finess: z.string().max(20), amount: z.string().max(40), reason: z.string().max(2000) }) },
  async (input, { db, user }) => {
    const saved = await setCareEnvelope(db, user, input, now());
    revalidatePath(`/admin/ej/${saved.finess}`);
    return { amount: saved.amount };
  },
);
