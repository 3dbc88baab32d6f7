/**
 * The server's "now". Every deadline check reads it, never `new Date()` directly,
 * so tests can set the time and the demo can simulate a date inside the 2026
 * deposit window. The browser clock is never trusted.
 *
 * Demo mode is on only when GUICHET_DEMO=1 and GUICHET_DEMO_DATE is an ISO
 * instant; `npm run demo` sets both, a real deployment sets neither.
 */
const processStartedAt = Date.now();
let fixedNow: Date | null = null;

export interface DemoClock {
  /** The simulated instant at which the demo server started. */
  startsAt: Date;
}

export function demoClock(): DemoClock | null {
  if (process.env.GUICHET_DEMO !== "1") return null;
  const raw = process.env.GUICHET_DEMO_DATE;
  if (!raw) return null;
  const startsAt = new Date(raw);
  if (Number.isNaN(startsAt.getTime())) throw new Error(`GUICHET_DEMO_DATE is not a date: ${raw}`);
  return { startsAt };
}

// Shared by every bundle of the server process (route handlers and pages may load this module twice).
const demoOverride = globalThis as unknown as { guichetDemoClock?: { startsAt: number; setAt: number } };

export function now(): Date {
  if (fixedNow) return new Date(fixedNow);
  const demo = demoClock();
  if (!demo) return new Date();
  // The simulated clock moves forward at the real pace from the demo start (or from the last change).
  const override = demoOverride.guichetDemoClock;
  if (override) return new Date(override.startsAt + (Date.now() - override.setAt));
  return new Date(demo.startsAt.getTime() + (Date.now() - processStartedAt));
}

/** Demo mode only: move the simulated date (an admin does it from /admin). */
export function setDemoDate(instant: Date): void {
  if (!demoClock()) throw new Error("The date can only be changed in demo mode");
  demoOverride.guichetDemoClock = { startsAt: instant.getTime(), setAt: Date.now() };
}

/** Tests only: freeze the clock at `instant`, or give it back with `null`. */
export function setClockForTests(instant: Date | null): void {
  fixedNow = instant ? new Date(instant) : null;
}
