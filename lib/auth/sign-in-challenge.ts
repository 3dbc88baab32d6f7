import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/client";
import type { Prisma, SignInChallenge } from "@/lib/generated/prisma/client";
import type { SignInStep } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient | Database;

/** A sign-in half-way lasts five minutes and five wrong codes; times are real time, never the demo's clock. */
export const CHALLENGE_MINUTES = 5;
export const MAX_FACTOR_ATTEMPTS = 5;

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function openChallenge(tx: Tx, userId: string, step: SignInStep): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.signInChallenge.create({ data: { tokenHash: hash(token), userId, step, expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000) } });
  return token;
}

/** The challenge the browser's token names, if it can still serve (not used, not expired, attempts left). */
export async function liveChallenge(tx: Tx, token: unknown): Promise<SignInChallenge | null> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await tx.signInChallenge.findUnique({ where: { tokenHash: hash(token) } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now() || row.failedAttempts >= MAX_FACTOR_ATTEMPTS) return null;
  return row;
}

/** One more wrong code; returns whether attempts remain. */
export async function countFailure(tx: Tx, id: string): Promise<boolean> {
  const row = await tx.signInChallenge.update({ where: { id }, data: { failedAttempts: { increment: 1 } }, select: { failedAttempts: true } });
  return row.failedAttempts < MAX_FACTOR_ATTEMPTS;
}

/** Uses the challenge once: two concurrent completions cannot both succeed. */
export async function consumeChallenge(tx: Tx, id: string, at: Date): Promise<boolean> {
  const { count } = await tx.signInChallenge.updateMany({ where: { id, usedAt: null }, data: { usedAt: at } });
  return count === 1;
}
