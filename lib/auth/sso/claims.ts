import { z } from "zod";

/**
 * The claims of an OpenID Connect sign-in that the portal reads. Anything else the IdP sends is
 * kept (passthrough) but ignored. `email_verified` is sometimes sent as the string "true".
 */
export const ssoClaimsSchema = z.looseObject({
  sub: z.string().min(1).max(255),
  email: z.string().trim().max(320).optional().catch(undefined),
  email_verified: z
    .union([z.boolean(), z.literal("true").transform(() => true), z.literal("false").transform(() => false)])
    .optional()
    .catch(undefined),
  given_name: z.string().max(200).optional().catch(undefined),
  family_name: z.string().max(200).optional().catch(undefined),
  /** ProConnect's family name. */
  usual_name: z.string().max(200).optional().catch(undefined),
  name: z.string().max(400).optional().catch(undefined),
  /** Authentication methods (RFC 8176); a single string from some IdPs. */
  amr: z
    .union([z.array(z.string()), z.string().transform((value) => [value])])
    .optional()
    .catch(undefined),
  acr: z.string().max(200).optional().catch(undefined),
});

export type SsoClaims = z.infer<typeof ssoClaimsSchema>;
