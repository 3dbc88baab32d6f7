import { afterEach, describe, expect, it, vi } from "vitest";
import { calendarDateFromDb, dbDateFromCalendarDate, formatCalendarDate, now, parisDate, setClockForTests } from "@/lib/clock";

afterEach(() => {
  setClockForTests(null);
  vi.unstubAllEnvs();
});

describe("parisDate: the Europe/Paris calendar day of an instant", () => {
  it("a guichet closing on 26 June is still open at 23:59:59 Paris time (21:59:59 UTC in summer)", () => {
    expect(parisDate(new Date("2026-06-26T21:59:59Z"))).toBe("2026-06-26");
    expect(parisDate(new Date("2026-06-26T22:00:00Z"))).toBe("2026-06-27");
  });

  it("in winter Paris is UTC+1: 13 February 2026 ends at 22:59:59 UTC", () => {
    expect(parisDate(new Date("2026-02-13T22:59:59Z"))).toBe("2026-02-13");
    expect(parisDate(new Date("2026-02-13T23:00:00Z"))).toBe("2026-02-14");
  });

  it("round-trips PostgreSQL date columns and formats in French", () => {
    expect(calendarDateFromDb(dbDateFromCalendarDate("2028-06-16"))).toBe("2028-06-16");
    expect(formatCalendarDate("2026-06-26")).toBe("26 juin 2026");
    expect(() => dbDateFromCalendarDate("2026-02-30")).toThrow(RangeError);
    expect(() => dbDateFromCalendarDate("26/06/2026")).toThrow(RangeError);
  });
});

describe("the server clock", () => {
  it("can be frozen by tests", () => {
    setClockForTests(new Date("2026-06-01T08:00:00Z"));
    expect(now().toISOString()).toBe("2026-06-01T08:00:00.000Z");
  });

  it("simulates the demo date only when GUICHET_DEMO=1", () => {
    vi.stubEnv("GUICHET_DEMO_DATE", "2026-06-01T10:00:00+02:00");
    vi.stubEnv("GUICHET_DEMO", "");
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    vi.stubEnv("GUICHET_DEMO", "1");
    const simulated = now();
    expect(parisDate(simulated)).toBe("2026-06-01");
    expect(simulated.getTime()).toBeGreaterThanOrEqual(new Date("2026-06-01T08:00:00Z").getTime());
  });
});
