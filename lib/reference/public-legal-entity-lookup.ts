import type { PrismaClient } from "@/lib/generated/prisma/client";
import { legalEntityInclude, toLegalEntitySummary } from "./legal-entities";
import type { LegalEntitySummary } from "./legal-entity-summary";

/*
 * Public look-up of an EJ for the funding simulator. FINESS and SAE are open data, so no
 * session and no scope check here (unlike lib/reference/legal-entities.ts). The result holds
 * only strings, numbers and null, so a server action can return it as is.
 */

/**
 * The EJ whose FINESS juridique is `finess`, or, failing that, the EJ of the EG whose FINESS
 * géographique is `finess`; null when neither exists. The caller validates the format.
 */
export async function findLegalEntityByFiness(db: PrismaClient, finess: string): Promise<LegalEntitySummary | null> {
  const byEj = await db.legalEntity.findUnique({ where: { finess }, include: legalEntityInclude });
  if (byEj) return toLegalEntitySummary(byEj);
  // An EG belongs to exactly one EJ (Site.legalEntityFiness), so findFirst is unambiguous.
  const byEg = await db.legalEntity.findFirst({ where: { sites: { some: { finess } } }, include: legalEntityInclude });
  return byEg ? toLegalEntitySummary(byEg) : null;
}

/** What an account request needs of the EJ a typed FINESS designates. */
export interface ResolvedLegalEntity {
  finess: string;
  name: string;
  closedOn: Date | null;
  /** True when the FINESS typed was an EG's. */
  viaSite: boolean;
}

/**
 * The same rule as findLegalEntityByFiness (the EJ, else the EJ of the EG), reading only what an
 * account request needs: no sites, no staff counts.
 */
export async function resolveLegalEntityFiness(db: PrismaClient, finess: string): Promise<ResolvedLegalEntity | null> {
  const select = { finess: true, name: true, closedOn: true } as const;
  const byEj = await db.legalEntity.findUnique({ where: { finess }, select });
  if (byEj) return { ...byEj, viaSite: false };
  const site = await db.site.findUnique({ where: { finess }, select: { legalEntity: { select } } });
  return site ? { ...site.legalEntity, viaSite: true } : null;
}
