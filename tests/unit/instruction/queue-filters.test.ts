import { describe, expect, it } from "vitest";
import { hasActiveFilter, parseQueueFilters, queueSearchParams } from "@/lib/instruction/queue-filters";

describe("parseQueueFilters", () => {
  it("defaults: no filter, fewest days left first, page 1", () => {
    expect(parseQueueFilters({})).toEqual({ tri: "delai", ordre: "asc", page: 1 });
    expect(hasActiveFilter(parseQueueFilters({}))).toBe(false);
  });

  it("reads every filter, from a page's searchParams or a request's URLSearchParams alike", () => {
    const expected = { guichet: "HOPEN2-JALON-2026", statut: "SUBMITTED", ej: "010000024", ght: "84101", q: "Montbrasset", tri: "etablissement", ordre: "desc", page: 3 };
    const query = "guichet=HOPEN2-JALON-2026&statut=SUBMITTED&ej=010000024&ght=84101&q=+Montbrasset+&tri=etablissement&ordre=desc&page=3";
    expect(parseQueueFilters(new URLSearchParams(query))).toEqual(expected);
    expect(parseQueueFilters({ guichet: "HOPEN2-JALON-2026", statut: "SUBMITTED", ej: "010000024", ght: "84101", q: " Montbrasset ", tri: "etablissement", ordre: "desc", page: "3" })).toEqual(expected);
  });

  it("a draft is not a queue status: statut=DRAFT is ignored", () => {
    expect(parseQueueFilters({ statut: "DRAFT" }).statut).toBeUndefined();
  });

  it("drops what does not parse instead of failing the page", () => {
    expect(parseQueueFilters({ ej: "12345", tri: "random", ordre: "up", page: "-2", guichet: "'; DROP TABLE", q: "x".repeat(101) })).toEqual({ tri: "delai", ordre: "asc", page: 1 });
  });

  it("blank fields (an empty select) are no filter; a repeated key keeps its first value; the FINESS is upper-cased (Corsica)", () => {
    expect(parseQueueFilters({ statut: "", q: "   ", guichet: ["A-1", "B-2"], ej: "2a0000001" })).toEqual({ guichet: "A-1", ej: "2A0000001", tri: "delai", ordre: "asc", page: 1 });
  });
});

describe("the « awaiting a decision » checkbox (encours=1)", () => {
  it("is read only as 1; any other value is no filter; it is kept in links and exports", () => {
    expect(parseQueueFilters({ encours: "1" }).encours).toBe("1");
    expect(hasActiveFilter(parseQueueFilters({ encours: "1" }))).toBe(true);
    expect(parseQueueFilters({ encours: "on" }).encours).toBeUndefined();
    expect(queueSearchParams(parseQueueFilters({ encours: "1", page: "2" }), { format: "csv" }).toString()).toBe("format=csv&encours=1");
  });
});

describe("queueSearchParams", () => {
  it("leaves the defaults out and applies the changes (a new sort goes back to page 1)", () => {
    const filters = parseQueueFilters({ statut: "ACCEPTED", q: "CH", page: "4" });
    expect(queueSearchParams(filters).toString()).toBe("statut=ACCEPTED&q=CH&page=4");
    expect(queueSearchParams(filters, { tri: "numero", ordre: "desc", page: 1 }).toString()).toBe("statut=ACCEPTED&q=CH&tri=numero&ordre=desc");
    expect(queueSearchParams(filters, { statut: undefined, page: 1 }).toString()).toBe("q=CH");
  });

  it("an export link carries the filters and the format, never the page", () => {
    const filters = parseQueueFilters({ guichet: "HOPEN2-JALON-2026", page: "2" });
    expect(queueSearchParams(filters, { format: "csv" }).toString()).toBe("format=csv&guichet=HOPEN2-JALON-2026");
  });
});

describe("the region filter (region=84, national queues)", () => {
  it("reads a two-digit region code, drops anything else, and keeps it in links and exports", () => {
    expect(parseQueueFilters({ region: "84" }).region).toBe("84");
    expect(parseQueueFilters(new URLSearchParams("region=53&region=84")).region).toBe("53");
    expect(hasActiveFilter(parseQueueFilters({ region: "84" }))).toBe(true);
    for (const invalid of ["8", "840", "2A", "ab", "'; --", " "]) expect(parseQueueFilters({ region: invalid }).region).toBeUndefined();
    expect(queueSearchParams(parseQueueFilters({ region: "84", statut: "SUBMITTED", page: "2" }), { format: "xlsx" }).toString()).toBe("format=xlsx&statut=SUBMITTED&region=84");
  });
});
