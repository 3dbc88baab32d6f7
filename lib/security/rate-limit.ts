import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/lib/db/client";

/**
 * Limits whose counters live in PostgreSQL (rate-limiter-flexible's Prisma store, model
 * RateLimiterFlexible), so that they hold across every instance of the portal. Windows run on
 * real time, never on the programme's simulated clock. What a limiter counts is hashed into its
 * key: no e-mail or address is stored in clear.
 */
export interface LimitOptions {
  /** Prefix of the keys: one name per limit. */
  name: string;
  /** Events allowed per window. */
  points: number;
  windowSeconds: number;
}

export type LimitDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

const limiters = new WeakMap<Database, Map<string, RateLimiterPrisma>>();

/** One limiter per database client and name (the store sweeps its expired rows every 5 minutes). */
export function limiterFor(db: Database, options: LimitOptions): RateLimiterPrisma {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  const key = `${options.name}/${options.points}/${options.windowSeconds}`;
  let limiter = byName.get(key);
  if (!limiter) {
    limiter = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimiterFlexible", keyPrefix: options.name, points: options.points, duration: options.windowSeconds });
    byName.set(key, limiter);
  }
  return limiter;
}

export function limitKey(subject: string): string {
  return createHash("sha256").update(subject, "utf8").digest("base64url");
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Counts one event for `subject`; refused once the window holds `points` events. */
export async function take(db: Database, options: LimitOptions, subject: string): Promise<LimitDecision> {
  try {
    const res = await limiterFor(db, options).consume(limitKey(subject));
    return { ok: true, remaining: res.remainingPoints };
  } catch (rejection) {
    // The store answers a refusal with a RateLimiterRes; anything else is a real failure.
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: retryAfter(rejection) };
    throw rejection;
  }
}

/** Counts one event without refusing it (a failure after the fact). */
export async function record(db: Database, options: LimitOptions, subject: string): Promise<void> {
  await limiterFor(db, options).penalty(limitKey(subject));
}

/** Whether `subject` is over its limit now, without counting. */
export async function isLimited(db: Database, options: LimitOptions, subject: string): Promise<LimitDecision> {
  const res = await limiterFor(db, options).get(limitKey(subject));
  if (res && res.consumedPoints >= options.points) return { ok: false, retryAfterSeconds: retryAfter(res) };
  return { ok: true, remaining: options.points - (res?.consumedPoints ?? 0) };
}

/** Forgets what was counted for `subject` (a success ends a run of failures). */
export async function reset(db: Database, options: LimitOptions, subject: string): Promise<void> {
  await limiterFor(db, options).delete(limitKey(subject));
}

/** Refuses `subject` for `seconds` from now, whatever was counted. */
export async function block(db: Database, options: LimitOptions, subject: string, seconds: number): Promise<void> {
  await limiterFor(db, options).block(limitKey(subject), seconds);
}

/**
 * The client's address as the reverse proxy reports it (first X-Forwarded-For hop, else
 * X-Real-IP); null without either — then nothing is limited by address, because one shared
 * "unknown" key would let a single client lock everybody out. Without a proxy these headers come
 * from the client and could be forged: the deployment must put the portal behind a proxy that
 * sets them (see README, production).
 */
export function clientAddress(headers: Pick<Headers, "get">): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || null;
}
