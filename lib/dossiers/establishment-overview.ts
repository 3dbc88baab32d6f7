import type { Database } from "@/lib/db/client";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import type { Cents } from "@/lib/funding";

export interface YearAmounts {
  year: number;
  dossierId: string;
  dossierNumber: string;
  status: DossierStatus;
  requested: Cents | null;
  decided: Cents | null;
}

/** Per EJ: its HospiConnect milestone dossiers of 2026–2028 so far, and its latest validated self-assessment. */
export async function establishmentOverview(db: Database, finessList: string[]) {
  const [parts, assessments] = await Promise.all([
    db.dossierLegalEntity.findMany({
      where: { legalEntityFiness: { in: finessList }, dossier: { guichet: { programme: "HOSPICONNECT_HOPEN2", kind: "MILESTONE_DEPOSIT" } } },
      include: { dossier: { select: { id: true, number: true, status: true, guichet: { select: { year: true } } } } },
    }),
    db.selfAssessment.groupBy({ by: ["legalEntityFiness", "status"], where: { legalEntityFiness: { in: finessList } }, _count: { _all: true }, _max: { validatedAt: true } }),
  ]);
  const latestValidated = await db.selfAssessment.findMany({
    where: { legalEntityFiness: { in: finessList }, status: "VALIDATED" },
    orderBy: { validatedAt: "desc" },
    distinct: ["legalEntityFiness"],
    select: { legalEntityFiness: true, nru: true, validatedAt: true },
  });
  return new Map(
    finessList.map((finess) => [
      finess,
      {
        years: parts
          .filter((part) => part.legalEntityFiness === finess)
          .map<YearAmounts>((part) => ({
            year: part.dossier.guichet.year,
            dossierId: part.dossier.id,
            dossierNumber: part.dossier.number,
            status: part.dossier.status,
            requested: part.requestedCents === null ? null : Number(part.requestedCents),
            decided: part.decidedCents === null ? null : Number(part.decidedCents),
          }))
          .sort((a, b) => a.year - b.year),
        drafts: assessments.find((row) => row.legalEntityFiness === finess && row.status === "DRAFT")?._count._all ?? 0,
        latestValidated: latestValidated.find((row) => row.legalEntityFiness === finess) ?? null,
      },
    ]),
  );
}
