/**
 * PURE: the zod schemas shared by the account-request and team forms (client) and their server
 * actions, and the small rules of e-mail confirmation links. No I/O.
 */
import { z } from "zod";
import { FINESS_PATTERN } from "@/lib/funding/finess-rules";

/** A confirmation link is valid 48 hours: long enough for a week-end, short enough to be fresh. */
export const EMAIL_LINK_VALIDITY_HOURS = 48;
export const REFUSAL_REASON_MIN_LENGTH = 10;

const email = z
  .string({ error: "Saisissez votre adresse e-mail professionnelle." })
  .trim()
  .toLowerCase()
  .min(1, "Saisissez l'adresse e-mail professionnelle.")
  .max(254, "L'adresse e-mail est trop longue (254 caractères au plus).")
  .pipe(z.email("Saisissez une adresse e-mail valide (ex. : prenom.nom@chu-exemple.fr)."));

const name = z.string({ error: "Saisissez le nom et le prénom." }).trim().min(1, "Saisissez le nom et le prénom.").max(120, "Le nom est trop long (120 caractères au plus).");

const jobTitle = z
  .string({ error: "Saisissez la fonction occupée dans l'établissement." })
  .trim()
  .min(2, "Saisissez la fonction occupée dans l'établissement (ex. : directeur des systèmes d'information).")
  .max(120, "La fonction est trop longue (120 caractères au plus).");

/** A FINESS as typed: spaces dropped, upper-cased (2A/2B for Corsica), then 9 characters. */
export const finessInput = z
  .string({ error: "Saisissez le numéro FINESS de l'établissement." })
  .transform((value) => value.replace(/\s+/g, "").toUpperCase())
  .pipe(
    z
      .string()
      .min(1, "Saisissez le numéro FINESS de l'établissement.")
      .regex(FINESS_PATTERN, "Un numéro FINESS compte 9 caractères : 9 chiffres, ou 2A/2B suivis de 7 chiffres pour la Corse."),
  );

/** The public form /inscription. */
export const accountRequestSchema = z.object({ name, email, finess: finessInput, jobTitle });
export type AccountRequestInput = z.input<typeof accountRequestSchema>;
export type AccountRequestValues = z.output<typeof accountRequestSchema>;

/** A token as it appears in a URL path: base64url of 32 bytes. */
export const tokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Ce lien n'est pas valide.") });

const id = z.string().min(1).max(64);

export const decideRequestSchema = z.discriminatedUnion("decision", [
  z.object({ requestId: id, decision: z.literal("approve") }),
  z.object({
    requestId: id,
    decision: z.literal("refuse"),
    reason: z
      .string({ error: "Indiquez le motif du refus : il est envoyé à la personne." })
      .trim()
      .min(REFUSAL_REASON_MIN_LENGTH, `Indiquez le motif du refus (${REFUSAL_REASON_MIN_LENGTH} caractères au moins) : il est envoyé à la personne.`)
      .max(1000, "Le motif est trop long (1 000 caractères au plus)."),
  }),
]);
export type DecideRequestInput = z.input<typeof decideRequestSchema>;
export type DecideRequestValues = z.output<typeof decideRequestSchema>;

const legalEntityFiness = z.string().regex(FINESS_PATTERN, "FINESS invalide.");

/** A referent invites a colleague to the team of one of its EJ. */
export const inviteColleagueSchema = z.object({ legalEntityFiness, name, email, jobTitle });
export type InviteColleagueInput = z.input<typeof inviteColleagueSchema>;
export type InviteColleagueValues = z.output<typeof inviteColleagueSchema>;

export const removeColleagueSchema = z.object({ legalEntityFiness, userId: id });

export const handOverDossiersSchema = z
  .object({
    legalEntityFiness,
    fromUserId: z.string({ error: "Choisissez le référent qui ne complète plus les dossiers." }).min(1, "Choisissez le référent qui ne complète plus les dossiers.").max(64),
    toUserId: z.string({ error: "Choisissez le référent qui les reprend." }).min(1, "Choisissez le référent qui reprend les dossiers.").max(64),
  })
  .refine((value) => value.fromUserId !== value.toUserId, { path: ["toUserId"], message: "Choisissez un autre référent que celui qui transmet les dossiers." });
export type HandOverDossiersInput = z.input<typeof handOverDossiersSchema>;

/** The key that makes an open request unique per person and EJ (AccountRequest.openKey). */
export function openKeyOf(email: string, legalEntityFiness: string): string {
  return `${email}:${legalEntityFiness}`;
}

export function emailLinkExpiry(at: Date): Date {
  return new Date(at.getTime() + EMAIL_LINK_VALIDITY_HOURS * 3_600_000);
}

/** Why an e-mail confirmation link cannot be used, or that it can. */
export type EmailLinkState = "valid" | "expired" | "used" | "unknown";

export function emailLinkState(request: { emailTokenExpiresAt: Date | null; emailConfirmedAt: Date | null; status: string } | null, at: Date): EmailLinkState {
  if (!request || !request.emailTokenExpiresAt) return "unknown";
  if (request.emailConfirmedAt) return "used";
  if (request.status !== "EMAIL_PENDING" || request.emailTokenExpiresAt.getTime() <= at.getTime()) return "expired";
  return "valid";
}

export const EMAIL_LINK_MESSAGES: Record<Exclude<EmailLinkState, "valid">, string> = {
  expired: `Ce lien a expiré (il est valable ${EMAIL_LINK_VALIDITY_HOURS} heures). Refaites votre demande de compte : un nouveau lien vous sera envoyé.`,
  used: "Ce lien a déjà été utilisé : votre adresse e-mail est confirmée et votre demande a été transmise. Vous recevrez un e-mail quand elle aura été examinée.",
  unknown: "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier, ou refaites votre demande de compte.",
};
