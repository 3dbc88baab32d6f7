import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { endSessionsOf } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/client";
import { InvalidStateError, NotFoundError } from "@/lib/errors";
import { assertAdmin } from "./accounts";

/**
 * A lost phone or key (issue 13): the DNS removes every second factor and recovery code of an
 * account and ends its sessions; at its next sign-in the account enrols a new factor (staff) or
 * signs in with its password (referents). Audited, in one transaction.
 */
export async function resetSecondFactors(db: Database, actor: CurrentUser, userId: string, at: Date): Promise<{ removed: number }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, secondFactors: { select: { kind: true, label: true } } } });
    if (!user) throw new NotFoundError(`user ${userId}`, "Ce compte est introuvable.");
    if (user.secondFactors.length === 0) throw new InvalidStateError("Ce compte n'a pas de second facteur à réinitialiser.");
    if (userId === actor.id) throw new InvalidStateError("Un administrateur ne réinitialise pas son propre second facteur : demandez-le à un autre administrateur.");
    const { count } = await tx.secondFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endSessionsOf(tx, userId, "second-factor");
    await recordAudit(tx, {
      at,
      actor,
      action: "admin.account.second-factor-reset",
      subject: auditSubject.user(userId),
      before: { factors: user.secondFactors },
      after: { factors: [] },
      details: { email: user.email },
    });
    return { removed: count };
  });
}
