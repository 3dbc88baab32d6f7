import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Issue 13 (the programme's own objective: MIE 2FA, PGSSI-S): the staff who decide on money sign
 * in with a second factor, always; referents are offered one.
 */
export function requiresSecondFactor(role: Role): boolean {
  return role !== "ESTABLISHMENT_REFERENT";
}
