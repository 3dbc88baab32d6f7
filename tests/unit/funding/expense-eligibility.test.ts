import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  assertIsoDate,
  checkExpenseEligibility,
  sumExpensesByCategory,
  type ExpenseCategory,
} from "../../../lib/funding";
import { BAD_NUMBERS, expectCode } from "./helpers";

const SRC = "source 003_7e8834ec9bc46d44.txt";

describe(`expense categories (${SRC})`, () => {
  it("three HOP'EN2 categories with French labels", () => {
    expect(EXPENSE_CATEGORIES.map((c) => EXPENSE_CATEGORY_LABELS[c])).toEqual(["RH internes", "Prestations externes", "Dépenses éditeurs"]);
  });
});

describe(`checkExpenseEligibility (${SRC})`, () => {
  const base = { category: "rh_internes" as ExpenseCategory, milestoneYear: 2026 as const };
  it("HOP'EN2: nothing before 19/12/2025 (date d'application de l'instruction)", () => {
    expect(checkExpenseEligibility({ ...base, invoiceDate: "2025-12-18" })).toEqual({
      eligible: false,
      reasons: ["DEPENSE_ANTERIEURE_AU_19_12_2025"],
    });
    expect(checkExpenseEligibility({ ...base, invoiceDate: "2025-12-19" })).toEqual({ eligible: true, reasons: [] });
    expect(checkExpenseEligibility({ ...base, invoiceDate: "2026-01-05", paymentDate: "2025-12-01" }).reasons).toEqual([
      "DEPENSE_ANTERIEURE_AU_19_12_2025",
    ]);
  });
  it("2028 milestone: only expenses invoiced and paid by 16/06/2028", () => {
    const y = { ...base, milestoneYear: 2028 as const };
    expect(checkExpenseEligibility({ ...y, invoiceDate: "2028-06-16", paymentDate: "2028-06-16" })).toEqual({ eligible: true, reasons: [] });
    expect(checkExpenseEligibility({ ...y, invoiceDate: "2028-06-10", paymentDate: "2028-06-17" }).reasons).toEqual(["NON_PAYEE_AU_16_06_2028"]);
    expect(checkExpenseEligibility({ ...y, invoiceDate: "2028-06-10" }).reasons).toEqual(["NON_PAYEE_AU_16_06_2028"]);
    expect(checkExpenseEligibility({ ...y, invoiceDate: "2028-06-17", paymentDate: "2028-06-17" }).reasons).toEqual([
      "FACTUREE_APRES_LE_16_06_2028",
      "NON_PAYEE_AU_16_06_2028",
    ]);
  });
  it("2026 and 2027 milestones: no payment cut-off in the source", () => {
    expect(checkExpenseEligibility({ ...base, milestoneYear: 2027, invoiceDate: "2027-09-01" })).toEqual({ eligible: true, reasons: [] });
  });
  it("CaRE: only prestations externes, from 30/01/2026 (date de publication de l'arrêté CaRE)", () => {
    const care = { scheme: "care" as const, milestoneYear: 2026 as const };
    expect(checkExpenseEligibility({ ...care, category: "prestations_externes", invoiceDate: "2026-01-30" })).toEqual({
      eligible: true,
      reasons: [],
    });
    expect(checkExpenseEligibility({ ...care, category: "prestations_externes", invoiceDate: "2026-01-29" }).reasons).toEqual([
      "DEPENSE_ANTERIEURE_AU_30_01_2026",
    ]);
    expect(checkExpenseEligibility({ ...care, category: "rh_internes", invoiceDate: "2026-03-01" }).reasons).toEqual(["CATEGORIE_NON_ELIGIBLE_CARE"]);
    expect(checkExpenseEligibility({ ...care, category: "depenses_editeurs", invoiceDate: "2026-03-01" }).reasons).toEqual([
      "CATEGORIE_NON_ELIGIBLE_CARE",
    ]);
    // the same 2026-01-29 expense is fine for HOP'EN2
    expect(checkExpenseEligibility({ ...base, category: "prestations_externes", invoiceDate: "2026-01-29" }).eligible).toBe(true);
  });
  it("rejects unknown categories, years, schemes and malformed dates", () => {
    expectCode(() => checkExpenseEligibility({ ...base, category: "materiel" as ExpenseCategory, invoiceDate: "2026-01-01" }), "UNKNOWN_CATEGORY");
    expectCode(() => checkExpenseEligibility({ ...base, milestoneYear: 2029 as 2028, invoiceDate: "2026-01-01" }), "UNKNOWN_YEAR");
    expectCode(() => checkExpenseEligibility({ ...base, scheme: "sun-es" as "care", invoiceDate: "2026-01-01" }), "UNKNOWN_CATEGORY");
    for (const bad of ["2026-02-30", "2026-2-01", "2026-13-01", "2026-00-10", "2025-02-29", "1900-02-29", "19/12/2025", "2026-01-01T00:00:00Z", ""]) {
      expectCode(() => checkExpenseEligibility({ ...base, invoiceDate: bad }), "INVALID_DATE");
      expectCode(() => checkExpenseEligibility({ ...base, invoiceDate: "2026-01-01", paymentDate: bad }), "INVALID_DATE");
    }
  });
  it("accepts leap days", () => {
    expect(() => assertIsoDate("2028-02-29", "d")).not.toThrow();
    expect(() => assertIsoDate("2000-02-29", "d")).not.toThrow();
  });
});

describe(`sumExpensesByCategory (${SRC}: attestation by category)`, () => {
  it("sums exact cents per category", () => {
    expect(
      sumExpensesByCategory([
        { category: "rh_internes", amount: 10 },
        { category: "prestations_externes", amount: 20 },
        { category: "rh_internes", amount: 5 },
        { category: "depenses_editeurs", amount: 1_234_567 },
      ]),
    ).toEqual({ rh_internes: 15, prestations_externes: 20, depenses_editeurs: 1_234_567, total: 1_234_602 });
    expect(sumExpensesByCategory([])).toEqual({ rh_internes: 0, prestations_externes: 0, depenses_editeurs: 0, total: 0 });
  });
  it("rejects bad amounts and categories", () => {
    for (const [value, code] of BAD_NUMBERS) expectCode(() => sumExpensesByCategory([{ category: "rh_internes", amount: value as number }]), code);
    expectCode(() => sumExpensesByCategory([{ category: "x" as ExpenseCategory, amount: 1 }]), "UNKNOWN_CATEGORY");
  });
  it("property: total equals the sum of the categories and of the items", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ category: fc.constantFrom(...EXPENSE_CATEGORIES), amount: fc.nat({ max: 1e11 }) }), { maxLength: 50 }),
        (items) => {
          const t = sumExpensesByCategory(items);
          expect(t.rh_internes + t.prestations_externes + t.depenses_editeurs).toBe(t.total);
          expect(t.total).toBe(items.reduce((s, e) => s + e.amount, 0));
        },
      ),
    );
  });
});
