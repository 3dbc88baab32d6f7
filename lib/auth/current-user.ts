import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting, as loaded from the database on every request (never from the client). */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** ARS instructors only. */
  regionCode: string | null;
  /** Establishment referents only: the EJ they are linked to directly. */
  linkedLegalEntities: string[];
  /** The server-side session of this request (lib/auth/sessions.ts), when signed in through one. */
  sessionId?: string;
}
