import { describe, expect, it } from "vitest";
import { clientAddress, createRateLimiter } from "@/lib/security/rate-limit";

describe("createRateLimiter", () => {
  it("allows `limit` events per window and key, then says when to retry", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    expect([0, 1_000, 2_000].map((at) => limiter.take("1.2.3.4", at).ok)).toEqual([true, true, true]);
    expect(limiter.take("1.2.3.4", 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    // Another client is not affected.
    expect(limiter.take("5.6.7.8", 30_000).ok).toBe(true);
    // The first event leaves the window after 60 s: one more is allowed, not two.
    expect(limiter.take("1.2.3.4", 60_001).ok).toBe(true);
    expect(limiter.take("1.2.3.4", 60_002).ok).toBe(false);
  });

  it("records failures after the fact and reports the limit without counting", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 10_000 });
    limiter.record("ip", 0);
    expect(limiter.isLimited("ip", 1)).toEqual({ limited: false });
    limiter.record("ip", 5_000);
    expect(limiter.isLimited("ip", 6_000)).toEqual({ limited: true, retryAfterSeconds: 4 });
    expect(limiter.isLimited("ip", 6_000)).toEqual({ limited: true, retryAfterSeconds: 4 });
    expect(limiter.isLimited("ip", 10_001)).toEqual({ limited: false });
  });

  it("never holds more than maxKeys clients", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 10 });
    for (let i = 0; i < 100; i += 1) expect(limiter.take(`client-${i}`, i).ok).toBe(true);
    // The oldest clients were forgotten to make room: they may act again.
    expect(limiter.take("client-0", 200).ok).toBe(true);
    expect(limiter.take("client-99", 200).ok).toBe(false);
  });
});

describe("clientAddress", () => {
  it("takes the first X-Forwarded-For hop, else X-Real-IP, else nothing (no shared key)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBeNull();
  });
});
