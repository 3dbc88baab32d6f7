import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { InvalidStateError, NotFoundError } from "@/lib/errors";
import type { SecondFactorKind } from "@/lib/generated/prisma/enums";
import { endSessionsOf } from "../sessions";
import { openChallenge } from "../sign-in-challenge";
import { requiresSecondFactor } from "./policy";
import { replaceRecoveryCodes } from "./recovery-codes";

/**
 * The account's own security page (issue 13): its factors, adding one (a challenge of its own,
 * step ENROL, then lib/auth/second-factor/enrolment.ts), removing one, new recovery codes. Each
 * change is audited and ends the account's other sessions; ARS, ANS and DNS keep at least one factor.
 */
export interface FactorRow {
  id: string;
  kind: SecondFactorKind;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function securityOf(db: Database, user: CurrentUser): Promise<{ factors: FactorRow[]; recoveryCodesLeft: number; mandatory: boolean }> {
  const [factors, recoveryCodesLeft] = await Promise.all([
    db.secondFactor.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, label: true, createdAt: true, lastUsedAt: true } }),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return { factors, recoveryCodesLeft, mandatory: requiresSecondFactor(user.role) };
}

/** A challenge for enrolling one more factor while signed in. */
export async function openEnrolment(db: Database, user: CurrentUser): Promise<string> {
  return openChallenge(db, user.id, "ENROL");
}

export async function removeFactor(db: Database, user: CurrentUser, factorId: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    // Locks the account's factors, so that two removals at once cannot leave staff with none.
    const factors = await tx.$queryRaw<{ id: string; kind: SecondFactorKind; label: string }[]>`
      SELECT id, kind::text AS kind, label FROM "SecondFactor" WHERE "userId" = ${user.id} ORDER BY id FOR UPDATE`;
    const factor = factors.find((row) => row.id === factorId);
    if (!factor) throw new NotFoundError(`second factor ${factorId}`, "Ce second facteur est introuvable.");
    if (factors.length === 1 && requiresSecondFactor(user.role)) {
      throw new InvalidStateError("Votre compte doit garder au moins un second facteur : ajoutez-en un autre avant de retirer celui-ci.");
    }
    await tx.secondFactor.delete({ where: { id: factorId } });
    if (factors.length === 1) await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await endSessionsOf(tx, user.id, "second-factor", user.sessionId);
    await recordAudit(tx, { at, actor: user, action: "auth.second-factor.removed", subject: auditSubject.user(user.id), before: { kind: factor.kind, label: factor.label }, after: null });
  });
}

export async function renewRecoveryCodes(db: Database, user: CurrentUser, at: Date): Promise<string[]> {
  return db.$transaction(async (tx) => {
    if ((await tx.secondFactor.count({ where: { userId: user.id } })) === 0) throw new InvalidStateError("Les codes de secours accompagnent un second facteur : ajoutez d'abord une application ou une clé.");
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { at, actor: user, action: "auth.recovery-codes.renewed", subject: auditSubject.user(user.id) });
    return codes;
  });
}
