/**
 * The ARS regions are reference data of lib/ (lib/reference/regions), which the FINESS import
 * needs too; the seed reads them from there (lib/ never imports prisma/).
 */
export { REGIONS, type ArsRegion as RegionSeed } from "../../lib/reference/regions";

/** The two regions of the demo establishments and instructors. */
export const REGION_AUVERGNE_RHONE_ALPES = "84";
export const REGION_BRETAGNE = "53";
