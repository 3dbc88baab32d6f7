import { z } from "zod";
import { auditSubject, recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Cents } from "@/lib/funding/money";
import { EURO_MESSAGES, parseEuroAmount, parseFiness } from "@/lib/funding/text-input";
import { assertAdmin } from "./accounts";

export const careEnvelopeInputSchema = z.object({
  finess: z.string(),
  amount: z.string(),
  reason: z.string().trim().min(5, "Indiquez pourquoi cette enveloppe est fixée à la main (5 caractères au moins).").max(1000, "1 000 caractères au maximum."),
});

export interface CareEnvelopeView {
  finess: string;
  amount: Cents;
  /** « import » (the published file) or « manual » (set by the DNS, with its reason). */
  origin: "import" | "manual";
  reason: string | null;
  setAt: Date;
}

/**
 * Sets the CaRE envelope of one EJ by hand (issue 11: « or set for one EJ with a reason »): DNS only,
 * the amount in euros as typed, the reason required, audited before → after in one transaction.
 */
export async function setCareEnvelope(db: Database, actor: CurrentUser, raw: z.input<typeof careEnvelopeInputSchema>, at: Date): Promise<CareEnvelopeView> {
  assertAdmin(actor);
  const input = careEnvelopeInputSchema.safeParse(raw);
  const errors: Record<string, string[]> = {};
  if (!input.success) for (const issue of input.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  const finess = parseFiness(raw.finess ?? "");
  const amount = parseEuroAmount(raw.amount ?? "");
  if (!finess.ok) errors.finess = ["Numéro FINESS EJ invalide (9 caractères)."];
  if (!amount.ok) errors.amount = [EURO_MESSAGES[amount.error]];
  if (Object.keys(errors).length > 0 || !finess.ok || !amount.ok || !input.success) throw new ValidationError(errors);
  const entity = await db.legalEntity.findUnique({ where: { finess: finess.value }, select: { finess: true } });
  if (!entity) throw new NotFoundError(`EJ ${finess.value}`, `Le FINESS EJ ${finess.value} est inconnu du référentiel FINESS du portail.`);
  return db.$transaction(async (tx) => {
    const before = await tx.careEnvelope.findUnique({ where: { legalEntityFiness: finess.value } });
    const data = { amountCents: BigInt(amount.value), importRunId: null, reason: input.data.reason, setById: actor.id, setAt: at };
    const saved = await tx.careEnvelope.upsert({ where: { legalEntityFiness: finess.value }, create: { legalEntityFiness: finess.value, ...data }, update: data });
    await recordAudit(tx, {
      at,
      actor,
      action: "admin.care-envelope.set",
      subject: auditSubject.legalEntity(finess.value),
      before: before ? { amountCents: Number(before.amountCents), origin: before.importRunId ? "import" : "manual" } : null,
      after: { amountCents: amount.value, origin: "manual" },
      details: { reason: input.data.reason },
    });
    return viewOf(saved);
  });
}

function viewOf(row: { legalEntityFiness: string; amountCents: bigint; importRunId: string | null; reason: string | null; setAt: Date }): CareEnvelopeView {
  return { finess: row.legalEntityFiness, amount: Number(row.amountCents), origin: row.importRunId ? "import" : "manual", reason: row.reason, setAt: row.setAt };
}

/** The envelope of an EJ, or null when none was published or set (no relève can then be requested). */
export async function careEnvelopeOf(db: Database, finess: string): Promise<CareEnvelopeView | null> {
  const row = await db.careEnvelope.findUnique({ where: { legalEntityFiness: finess } });
  return row ? viewOf(row) : null;
}
