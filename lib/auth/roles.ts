import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };

export const ROLE_LABELS: Record<Role, string> = {
  ESTABLISHMENT_REFERENT: "Référent établissement",
  ARS_INSTRUCTOR: "Instructeur ARS",
  ANS_INSTRUCTOR: "Instructeur ANS",
  DNS_ADMIN: "Administrateur DNS",
};

/** The home of each role's space. */
export const ROLE_HOME: Record<Role, string> = {
  ESTABLISHMENT_REFERENT: "/etablissement",
  ARS_INSTRUCTOR: "/ars",
  ANS_INSTRUCTOR: "/ans",
  DNS_ADMIN: "/admin",
};
