import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "./current-user";
import { ForbiddenError, NotFoundError } from "./errors";
import { authOptions } from "./options";
import { resumeSession } from "./sessions";

/**
 * The signed-in user, loaded from the database once per request through the session the JWT
 * names: an ended or idle session, a disabled account or a changed role takes effect at once,
 * whatever the JWT says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const sessionId = (session?.user as { sessionId?: unknown } | undefined)?.sessionId;
  if (typeof sessionId !== "string") return null;
  const resumed = await resumeSession(getDb(), sessionId);
  if (!resumed) return null;
  const { user } = resumed;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    regionCode: user.regionCode,
    linkedLegalEntities: user.legalEntities.map((link) => link.legalEntityFiness),
    sessionId,
  };
});

/** For pages: sends a visitor to the sign-in page, and answers 403 to a user of another role. */
export async function requireRole(role: Role, callbackPath: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/connexion?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (user.role !== role) forbidden();
  return user;
}

/** For pages: turns the domain's typed scope errors into 404 / 403 responses. */
export async function loadForPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}
