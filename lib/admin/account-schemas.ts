/**
 * PURE: the zod schemas shared by the account forms (client) and their server
 * actions, and the small rules of set-password links. No I/O.
 */
import { z } from "zod";

/** Source: brief of the admin pages — a set-password link is valid 72 hours. */
export const PASSWORD_LINK_VALIDITY_HOURS = 72;
export const PASSWORD_MIN_LENGTH = 12;

/** The accounts the DNS creates: the ARS instructors (with their region), the national ANS instructors (no region) and the DNS admins. */
export const STAFF_ROLES = ["ARS_INSTRUCTOR", "ANS_INSTRUCTOR", "DNS_ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Saisissez l'adresse e-mail.")
  .max(254, "L'adresse e-mail est trop longue.")
  .pipe(z.email("Saisissez une adresse e-mail valide (ex. : prenom.nom@ars.sante.fr)."));

export const createAccountSchema = z
  .object({
    email,
    name: z.string().trim().min(1, "Saisissez le nom et le prénom.").max(120, "Le nom est trop long (120 caractères au plus)."),
    role: z.enum(STAFF_ROLES, "Choisissez le rôle du compte."),
    regionCode: z.string().trim().optional(),
  })
  .superRefine((value, context) => {
    if (value.role === "ARS_INSTRUCTOR" && !/^\d{2}$/.test(value.regionCode ?? "")) {
      context.addIssue({ code: "custom", path: ["regionCode"], message: "Choisissez la région de l'instructeur ARS." });
    }
  })
  // Only an ARS instructor has a region: the ANS instructor is national, the DNS admin too.
  .transform((value) => ({ ...value, regionCode: value.role === "ARS_INSTRUCTOR" ? value.regionCode : undefined }));

export type CreateAccountInput = z.input<typeof createAccountSchema>;
export type CreateAccountValues = z.output<typeof createAccountSchema>;

export const accountIdSchema = z.object({ userId: z.string().min(1).max(64) });

export const setAccountActiveSchema = z.object({ userId: z.string().min(1).max(64), active: z.boolean() });

export const removeReferentSchema = z.object({
  userId: z.string().min(1).max(64),
  legalEntityFiness: z.string().regex(/^[0-9A-Za-z]{9}$/, "FINESS invalide."),
});

export const setPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(PASSWORD_MIN_LENGTH, `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`).max(200, "Le mot de passe est trop long (200 caractères au plus)."),
    confirmation: z.string(),
  })
  .refine((value) => value.password === value.confirmation, { path: ["confirmation"], message: "La confirmation ne correspond pas au mot de passe." });

export type SetPasswordInput = z.input<typeof setPasswordSchema>;

/** Why a set-password link cannot be used (French message shown on the page). */
export type PasswordTokenState = "valid" | "expired" | "used" | "unknown";

export const PASSWORD_TOKEN_MESSAGES: Record<Exclude<PasswordTokenState, "valid">, string> = {
  expired: "Ce lien a expiré (il est valable 72 heures). Demandez à l'administration DNS de vous en envoyer un nouveau.",
  used: "Ce lien a déjà été utilisé. Connectez-vous avec votre mot de passe, ou demandez un nouveau lien à l'administration DNS.",
  unknown: "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier, ou demandez un nouveau lien à l'administration DNS.",
};

/** The state of a stored token at `at` (null = no token with that hash). */
export function passwordTokenState(token: { expiresAt: Date; usedAt: Date | null } | null, at: Date): PasswordTokenState {
  if (!token) return "unknown";
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= at.getTime()) return "expired";
  return "valid";
}

export function passwordLinkExpiry(at: Date): Date {
  return new Date(at.getTime() + PASSWORD_LINK_VALIDITY_HOURS * 3_600_000);
}

/** A token as it appears in a URL path: base64url only. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The French e-mail carrying a set-password link. */
export function passwordLinkMail(input: { name: string; link: string; expiresAt: Date; reason: "created" | "resent" }): { subject: string; text: string } {
  const until = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" }).format(input.expiresAt);
  const intro =
    input.reason === "created"
      ? "Un compte vient de vous être ouvert sur le Guichet HospiConnect."
      : "Un nouveau lien de définition de mot de passe vous a été envoyé pour votre compte du Guichet HospiConnect.";
  return {
    subject: "Guichet HospiConnect : définissez votre mot de passe",
    text: [
      `Bonjour ${input.name},`,
      "",
      intro,
      "Pour choisir votre mot de passe (12 caractères au moins), ouvrez ce lien :",
      input.link,
      "",
      `Ce lien ne peut servir qu'une fois et expire le ${until} (heure de Paris).`,
      "Si vous n'attendiez pas ce message, ignorez-le.",
      "",
      "Cordialement,\nL'équipe Guichet HospiConnect",
    ].join("\n"),
  };
}
