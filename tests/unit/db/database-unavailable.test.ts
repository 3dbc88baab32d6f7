import { describe, expect, it } from "vitest";
import { asDatabaseUnavailable, DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError, isDatabaseUnavailableError } from "@/lib/health/database-unavailable";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailableError: the database not answering, told apart from a query's own errors", () => {
  it.each([
    ["pg's query timeout (a paused server)", new Error("Query read timeout")],
    ["pg's connection timeout", new Error("Connection terminated due to connection timeout")],
    ["pg-pool waiting for a free connection", new Error("timeout exceeded when trying to connect")],
    ["a refused connection", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["PostgreSQL's statement_timeout", withCode("canceling statement due to statement timeout", "57014")],
    ["PostgreSQL shutting down", withCode("terminating connection due to administrator command", "57P01")],
    ["Prisma's « can't reach »", withCode("Can't reach database server", "P1001")],
    ["adapter-pg's mapped kind, as a cause", new Error("wrapped", { cause: { kind: "DatabaseNotReachable" } })],
  ])("%s", (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
    const converted = asDatabaseUnavailable(error);
    expect(converted).toBeInstanceOf(DatabaseUnavailableError);
    expect((converted as DatabaseUnavailableError).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
  });

  it.each([
    ["a unique constraint", withCode("Unique constraint failed", "P2002")],
    ["a record not found", withCode("No record was found", "P2025")],
    ["a syntax error", withCode('syntax error at or near "SELEC"', "42601")],
    ["anything else", new Error("boom")],
    ["not an error", "text"],
  ])("not %s", (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
    expect(asDatabaseUnavailable(error)).toBe(error);
  });
});
