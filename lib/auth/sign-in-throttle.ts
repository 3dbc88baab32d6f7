import type { Database } from "@/lib/db/client";
import { block, isLimited, record, reset, take, type LimitOptions } from "@/lib/security/rate-limit";
import {
  ADDRESS_WINDOW_MINUTES,
  FAILURES_BEFORE_DELAY,
  FIRST_DELAY_MINUTES,
  MAX_DELAY_MINUTES,
  MAX_FAILED_SIGN_INS_PER_ADDRESS,
} from "./authentication-messages";

/**
 * Sign-in throttling that neither reveals whether an account exists nor lets anyone lock a
 * person out (issue 13). Failures are counted per e-mail *and* address, whether the e-mail has an
 * account or not: from the 5th failure in a row, each try from that address must wait 1, 2, 4…
 * up to 60 minutes — the person's own address is never affected by someone else's tries. A second
 * count per address (any e-mail) stops password spraying. No per-account lock: anyone could
 * trigger it.
 */
const consecutiveFailures: LimitOptions = { name: "sign-in-failures", points: 10_000, windowSeconds: 24 * 60 * 60 };
const waiting: LimitOptions = { name: "sign-in-wait", points: 1, windowSeconds: 60 };
const failuresByAddress: LimitOptions = { name: "sign-in-address", points: MAX_FAILED_SIGN_INS_PER_ADDRESS, windowSeconds: ADDRESS_WINDOW_MINUTES * 60 };

export type ThrottleCheck = { ok: true } | { ok: false; reason: "THROTTLED"; retryAfterMinutes: number } | { ok: false; reason: "TOO_MANY_ATTEMPTS" };

const pairOf = (email: string, address: string | null) => `${email}\n${address ?? "sans-adresse"}`;

/** Whether a sign-in of `email` from `address` may be tried now (nothing is counted). */
export async function checkSignIn(db: Database, email: string, address: string | null): Promise<ThrottleCheck> {
  if (address && !(await isLimited(db, failuresByAddress, address)).ok) return { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  const wait = await isLimited(db, waiting, pairOf(email, address));
  if (!wait.ok) return { ok: false, reason: "THROTTLED", retryAfterMinutes: Math.ceil(wait.retryAfterSeconds / 60) };
  return { ok: true };
}

/** The delay the `failures`-th failure in a row imposes, in minutes (0 before the 5th). */
export function delayAfterFailures(failures: number): number {
  if (failures < FAILURES_BEFORE_DELAY) return 0;
  return Math.min(MAX_DELAY_MINUTES, FIRST_DELAY_MINUTES * 2 ** (failures - FAILURES_BEFORE_DELAY));
}

export async function recordSignInFailure(db: Database, email: string, address: string | null): Promise<void> {
  if (address) await record(db, failuresByAddress, address);
  const counted = await take(db, consecutiveFailures, pairOf(email, address));
  const failures = counted.ok ? consecutiveFailures.points - counted.remaining : consecutiveFailures.points;
  const minutes = delayAfterFailures(failures);
  if (minutes > 0) await block(db, waiting, pairOf(email, address), minutes * 60);
}

/** A success ends the run of failures of this e-mail from this address. */
export async function recordSignInSuccess(db: Database, email: string, address: string | null): Promise<void> {
  await reset(db, consecutiveFailures, pairOf(email, address));
}
