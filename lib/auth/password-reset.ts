import { z } from "zod";
import { hashToken, newToken, passwordLinkUrl } from "@/lib/admin/accounts";
import { auditSubject, recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/client";
import { take, type LimitOptions } from "@/lib/security/rate-limit";

/**
 * « Mot de passe oublié ? » (issue 13): a single-use link by e-mail, valid one hour, for any
 * active account. The answer is the same whether the address has an account or not, and the
 * limits (per address, per e-mail) count known and unknown e-mails alike.
 */
export const RESET_LINK_VALIDITY_MINUTES = 60;
export const PASSWORD_RESET_TEMPLATE = "account-reset-password";
export const RESET_REQUESTED_MESSAGE =
  "Si un compte actif correspond à cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable une heure et ne sert qu'une fois.";

// Per address, the action's limit (app/mot-de-passe-oublie/actions.ts); per e-mail, this one.
const perEmail: LimitOptions = { name: "password-reset-email", points: 3, windowSeconds: 60 * 60 };

export const passwordResetSchema = z.object({
  email: z
    .string({ error: "Saisissez votre adresse e-mail." })
    .trim()
    .toLowerCase()
    .max(320, { error: "Cette adresse e-mail est trop longue." })
    .pipe(z.email({ error: "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr." })),
});

export type PasswordResetOutcome = { ok: true } | { ok: false; retryAfterMinutes: number };

export function passwordResetMail(input: { name: string; link: string; expiresAt: Date }): { subject: string; text: string } {
  const until = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" }).format(input.expiresAt);
  return {
    subject: "Guichet HospiConnect : choisissez un nouveau mot de passe",
    text: [
      `Bonjour ${input.name},`,
      "",
      "Une demande de nouveau mot de passe a été faite pour votre compte du Guichet HospiConnect.",
      "Pour choisir votre nouveau mot de passe (12 caractères au moins), ouvrez ce lien :",
      input.link,
      "",
      `Ce lien ne peut servir qu'une fois et expire le ${until} (heure de Paris). Le choix d'un nouveau mot de passe ferme toutes vos sessions ouvertes.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
      "",
      "Cordialement,\nL'équipe Guichet HospiConnect",
    ].join("\n"),
  };
}

/** Sends a reset link if `email` names an active account; `at` is the portal's clock. */
export async function requestPasswordReset(db: Database, email: string, options: { at: Date; baseUrl: string }): Promise<PasswordResetOutcome> {
  const allowed = await take(db, perEmail, email);
  if (!allowed.ok) return { ok: false, retryAfterMinutes: Math.ceil(allowed.retryAfterSeconds / 60) };
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, role: true, active: true } });
    if (!user?.active) {
      // A disabled account's request is filed under it; an unknown address under the address.
      await recordAudit(tx, { at: options.at, actor: null, action: "auth.password-reset.unknown-email", subject: user ? auditSubject.user(user.id) : auditSubject.email(email), details: { email } });
      return;
    }
    const token = newToken();
    const expiresAt = new Date(options.at.getTime() + RESET_LINK_VALIDITY_MINUTES * 60_000);
    // A new link supersedes the previous ones still unused.
    await tx.passwordSetToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: options.at } }, data: { expiresAt: options.at } });
    await tx.passwordSetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: options.at } });
    const mail = passwordResetMail({ name: user.name, link: passwordLinkUrl(options.baseUrl, token), expiresAt });
    await tx.outboxEmail.create({ data: { template: PASSWORD_RESET_TEMPLATE, toAddress: user.email, subject: mail.subject, textBody: mail.text, createdAt: options.at } });
    await recordAudit(tx, { at: options.at, actor: user, action: "auth.password-reset.requested", subject: auditSubject.user(user.id), after: { linkExpiresAt: expiresAt.toISOString() } });
  });
  return { ok: true };
}
