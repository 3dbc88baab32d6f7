/**
 * Plain script (not a vitest bench): npx tsx bench/funding-ceilings.bench.ts
 * headcount → annual ceiling → programme ceiling → 2026–2028 amounts for 100 000 synthetic EJ.
 * Inputs come from a seeded PRNG, so the checksum is stable from run to run and machine to machine.
 */
import {
  hospiconnectAnnualCeiling,
  hospiconnectProgrammeCeiling,
  hospiconnectProgrammeSimulation,
  legalEntityHeadcount,
  siteHeadcount,
  type SaeDeclaration,
} from "../lib/funding";

const EJ_COUNT = 100_000;
const SEED = 0x5eed_2026;

/** mulberry32: small, fast, deterministic 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const rand = mulberry32(SEED);
const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

interface SyntheticEj {
  sites: SaeDeclaration[][];
  milestoneComplete: boolean;
  mandatory2027: boolean;
  mandatory2028: boolean;
  objectives2027: number;
  objectives2028: number;
  expenses: [number, number, number];
}

/** Site staff: mostly small and mid-size, a few very large (CHU-like, > 10 000 per EJ). */
function siteStaff(): number {
  const r = rand();
  if (r < 0.05) return 0;
  if (r < 0.35) return int(1, 50);
  if (r < 0.7) return int(51, 250);
  if (r < 0.95) return int(251, 5_000);
  return int(5_001, 30_000);
}

function generate(): SyntheticEj[] {
  const out: SyntheticEj[] = [];
  for (let i = 0; i < EJ_COUNT; i++) {
    const siteCount = rand() < 0.03 ? 0 : int(1, 5);
    const sites: SaeDeclaration[][] = [];
    for (let s = 0; s < siteCount; s++) {
      const declarations: SaeDeclaration[] = [];
      for (const year of [2021, 2022, 2023, 2024]) {
        if (rand() < 0.6) {
          const staff = siteStaff();
          const liberal = int(0, Math.floor(staff / 10));
          declarations.push({ year, salaried: staff - liberal, liberal });
        }
      }
      sites.push(declarations);
    }
    out.push({
      sites,
      milestoneComplete: rand() < 0.85,
      mandatory2027: rand() < 0.8,
      mandatory2028: rand() < 0.75,
      objectives2027: int(0, 6),
      objectives2028: int(0, 6),
      // declared expenses 0 € – 600 000 €, in cents
      expenses: [int(0, 60_000_000), int(0, 60_000_000), int(0, 60_000_000)],
    });
  }
  return out;
}

const genStart = performance.now();
const population = generate();
const genMs = performance.now() - genStart;

let sumHeadcount = 0n;
let sumAnnual = 0n;
let sumProgramme = 0n;
let sumEligible = 0n;
let sumGranted = 0n;
let zeroHeadcount = 0;
let over10k = 0;
let hash = 0x811c9dc5; // FNV-1a over each EJ's granted total

const start = performance.now();
for (const ej of population) {
  const headcount = legalEntityHeadcount(ej.sites.map((d) => siteHeadcount(d)));
  const annualCeiling = hospiconnectAnnualCeiling(headcount);
  const programme = hospiconnectProgrammeCeiling(headcount);
  const sim = hospiconnectProgrammeSimulation({
    annualCeiling,
    y2026: { milestoneComplete: ej.milestoneComplete, declaredExpenses: ej.expenses[0] },
    y2027: { mandatoryObjectiveMet: ej.mandatory2027, objectivesReached: ej.objectives2027, declaredExpenses: ej.expenses[1] },
    y2028: { mandatoryObjectiveMet: ej.mandatory2028, objectivesReached: ej.objectives2028, declaredExpenses: ej.expenses[2] },
  });
  if (headcount === 0) zeroHeadcount++;
  if (headcount > 10_000) over10k++;
  sumHeadcount += BigInt(headcount);
  sumAnnual += BigInt(annualCeiling);
  sumProgramme += BigInt(programme);
  sumEligible += BigInt(sim.totalEligible);
  sumGranted += BigInt(sim.totalGranted);
  for (const ch of String(sim.totalGranted)) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
}
const ms = performance.now() - start;

const euros = (cents: bigint): string => `${cents / 100n},${String(cents % 100n).padStart(2, "0")} €`;
console.log(`funding-ceilings bench — ${EJ_COUNT.toLocaleString("en")} EJ, seed 0x${SEED.toString(16)}`);
console.log(`  input generation      ${genMs.toFixed(1)} ms (not timed below)`);
console.log(`  wall time             ${ms.toFixed(1)} ms`);
console.log(`  throughput            ${Math.round((EJ_COUNT / ms) * 1000).toLocaleString("en")} EJ/s`);
console.log(`  EJ with 0 agents      ${zeroHeadcount}`);
console.log(`  EJ with > 10 000      ${over10k}`);
console.log(`  total headcount       ${sumHeadcount}`);
console.log(`  Σ annual ceilings     ${sumAnnual} cents (${euros(sumAnnual)})`);
console.log(`  Σ programme ceilings  ${sumProgramme} cents (${euros(sumProgramme)})`);
console.log(`  Σ eligible 2026–2028  ${sumEligible} cents (${euros(sumEligible)})`);
console.log(`  Σ granted 2026–2028   ${sumGranted} cents (${euros(sumGranted)})`);
console.log(`  checksum (FNV-1a)     0x${hash.toString(16).padStart(8, "0")}`);
if (sumProgramme !== sumAnnual * 3n) throw new Error("programme ceilings must be 3 × annual");
if (sumGranted > sumEligible) throw new Error("granted exceeds eligible");
