/**
 * A small in-memory sliding-window limiter, per key (an IP address). It lives in the server
 * process: with several instances each counts for itself, which still bounds an abuser by
 * instances × limit. Keys are pruned as their window passes, so memory follows active clients.
 */
export interface RateLimiter {
  /** Records one event for `key` at `at` (ms); refused when the window already holds `limit` events. */
  take(key: string, at?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Counts one event without checking (e.g. a failure after the fact). */
  record(key: string, at?: number): void;
  /** Whether `key` is over the limit now, without counting. */
  isLimited(key: string, at?: number): { limited: false } | { limited: true; retryAfterSeconds: number };
}

export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 50_000;
  const events = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const kept = (events.get(key) ?? []).filter((time) => time > at - windowMs);
    if (kept.length) events.set(key, kept);
    else events.delete(key);
    return kept;
  };
  const prune = (at: number) => {
    if (events.size < maxKeys) return;
    for (const key of [...events.keys()]) recent(key, at);
    // Still full of active keys: forget the oldest ones rather than grow without bound.
    for (const key of events.keys()) {
      if (events.size < maxKeys) break;
      events.delete(key);
    }
  };
  const retryAfter = (times: number[], at: number) => Math.max(1, Math.ceil(((times[0] ?? at) + windowMs - at) / 1000));

  return {
    take(key, at = Date.now()) {
      const times = recent(key, at);
      if (times.length >= limit) return { ok: false, retryAfterSeconds: retryAfter(times, at) };
      prune(at);
      events.set(key, [...times, at]);
      return { ok: true };
    },
    record(key, at = Date.now()) {
      prune(at);
      events.set(key, [...recent(key, at), at]);
    },
    isLimited(key, at = Date.now()) {
      const times = recent(key, at);
      return times.length >= limit ? { limited: true, retryAfterSeconds: retryAfter(times, at) } : { limited: false };
    },
  };
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
