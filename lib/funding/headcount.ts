import { FundingInputError, assertNonNegativeInteger, assertSafeResult } from "./errors";

/** One SAE declaration of a geographic establishment (EG). */
export interface SaeDeclaration {
  year: number;
  salaried: number;
  liberal: number;
}

/**
 * Source 000: "effectifs salariés et libéraux déclarés dans la SAE des années 2024, 2023 ou
 * 2022 le cas échéant" — most recent of these years wins; other years are ignored.
 */
export const SAE_YEARS_BY_PRIORITY = [2024, 2023, 2022] as const;

/**
 * Staff of one EG = salaried + liberal of SAE 2024, else 2023, else 2022, else 0.
 * A year counts as "filled" as soon as it is declared, even with 0 + 0 (a declared zero is
 * a value, not a gap). Duplicate declarations of one year are ambiguous → error.
 */
export function siteHeadcount(declarations: { year: number; salaried: number; liberal: number }[]): number {
  if (!Array.isArray(declarations)) {
    throw new FundingInputError("MISSING_INPUT", "declarations must be an array");
  }
  const byYear = new Map<number, number>();
  for (const [i, d] of declarations.entries()) {
    assertNonNegativeInteger(d.year, `declarations[${i}].year`);
    assertNonNegativeInteger(d.salaried, `declarations[${i}].salaried`);
    assertNonNegativeInteger(d.liberal, `declarations[${i}].liberal`);
    if (byYear.has(d.year)) {
      throw new FundingInputError("DUPLICATE_YEAR", `SAE year ${d.year} is declared twice`);
    }
    byYear.set(d.year, assertSafeResult(d.salaried + d.liberal, `declarations[${i}] headcount`));
  }
  for (const year of SAE_YEARS_BY_PRIORITY) {
    const value = byYear.get(year);
    if (value !== undefined) return value;
  }
  return 0;
}

/** Source 000: the EJ's headcount is the sum of the staff of its EG. */
export function legalEntityHeadcount(sites: number[]): number {
  if (!Array.isArray(sites)) {
    throw new FundingInputError("MISSING_INPUT", "sites must be an array");
  }
  let total = 0;
  for (const [i, n] of sites.entries()) {
    assertNonNegativeInteger(n, `sites[${i}]`);
    total = assertSafeResult(total + n, "legal entity headcount");
  }
  return total;
}
