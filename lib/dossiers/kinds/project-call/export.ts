/**
 * The ARS export of AAP HOP'EN2 projects (issue 10: porteur, perimeter, theme, category, cap, granted,
 * payments 2026/2027), one row per project, with the CSV/XLSX conventions of export-rows.ts. The
 * values are those transmitted (latest snapshot's project), the category and cap the ones the
 * ARS decided within (or, before the decision, the perimeter's today), the payments source 001's
 * 50 %/50 % of lib/funding: 2026 once retained, 2027 once the objectives are validated.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import { legalEntityScopeFilter } from "@/lib/auth/scope";
import { loadProjectCallFacts } from "@/lib/dossiers/kinds/project-call/facts";
import { projectCallDraftSchema } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { PROJECT_CALL_STATUS_LABELS } from "@/lib/dossiers/kinds/project-call/labels";
import { selectionOf } from "@/lib/dossiers/kinds/project-call/selection";
import { PROJECT_CALL_THEMES, themeObjective } from "@/lib/dossiers/kinds/project-call/themes";
import { aapPayments } from "@/lib/funding/aap";
import type { Cents } from "@/lib/funding/money";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import type { ExportColumn } from "@/lib/instruction/export-rows";
import { readSnapshot } from "@/lib/instruction/transmitted";

export interface ProjectExportRecord {
  number: string;
  guichet: string;
  status: string;
  porteurFinessPmsi: string;
  porteurName: string;
  carrierFiness: string;
  perimeter: string;
  legalEntityCount: number | null;
  theme: string;
  objectives: string;
  combinedActivity: string;
  category: string;
  cap: Cents | null;
  forecast2026: Cents | null;
  forecast2027: Cents | null;
  score: string;
  granted: Cents | null;
  payment2026: Cents | null;
  payment2027: Cents | null;
  submittedOn: CalendarDate | null;
  decidedOn: CalendarDate | null;
}

export const PROJECT_EXPORT_COLUMNS: readonly ExportColumn<ProjectExportRecord>[] = [
  { key: "number", header: "N° de dossier", type: "text", width: 18 },
  { key: "guichet", header: "Guichet", type: "text", width: 34 },
  { key: "status", header: "Statut", type: "text", width: 24 },
  { key: "porteurFinessPmsi", header: "FINESS PMSI porteur", type: "text", width: 14 },
  { key: "porteurName", header: "Établissement porteur", type: "text", width: 36 },
  { key: "carrierFiness", header: "FINESS EJ porteur du dossier", type: "text", width: 14 },
  { key: "perimeter", header: "Périmètre (FINESS EG – nom)", type: "text", width: 60 },
  { key: "legalEntityCount", header: "Nombre d'EJ du périmètre", type: "integer", width: 10 },
  { key: "theme", header: "Thématique", type: "text", width: 34 },
  { key: "objectives", header: "Objectifs retenus", type: "text", width: 50 },
  { key: "combinedActivity", header: "Activité combinée cumulée", type: "text", width: 14 },
  { key: "category", header: "Catégorie", type: "text", width: 10 },
  { key: "cap", header: "Plafond de la catégorie (€)", type: "euros", width: 16 },
  { key: "forecast2026", header: "Dépenses prévisionnelles 2026 (€)", type: "euros", width: 16 },
  { key: "forecast2027", header: "Dépenses prévisionnelles 2027 (€)", type: "euros", width: 16 },
  { key: "score", header: "Note de la grille de sélection", type: "text", width: 12 },
  { key: "granted", header: "Montant accordé (€)", type: "euros", width: 16 },
  { key: "payment2026", header: "Versement 2026 — 50 % à l'acceptation (€)", type: "euros", width: 18 },
  { key: "payment2027", header: "Versement 2027 — 50 % aux objectifs validés (€)", type: "euros", width: 18 },
  { key: "submittedOn", header: "Date de transmission", type: "date", width: 14 },
  { key: "decidedOn", header: "Date de décision", type: "date", width: 14 },
];

const PAID_2026: readonly DossierStatus[] = ["ACCEPTED", "PROOF_SUBMITTED", "PROOF_CHANGES_REQUESTED", "OBJECTIVES_VALIDATED", "OBJECTIVES_NOT_MET"];

/** The rows of the projects among `ids` that the instructor's scope allows, in the order of `ids`. */
export async function projectExportRecords(db: Database, user: CurrentUser, ids: readonly string[]): Promise<ProjectExportRecord[]> {
  const rows = await db.dossier.findMany({
    where: { AND: [{ id: { in: [...ids] } }, { carrier: legalEntityScopeFilter(user) }, { guichet: { kind: "PROJECT_CALL" } }, { status: { not: "DRAFT" } }] },
    include: { guichet: true, documents: true, submissions: { orderBy: { sequence: "desc" }, take: 1 } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const records: ProjectExportRecord[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const snapshot = row.submissions[0] ? readSnapshot(row.submissions[0].snapshot) : null;
    const project = projectCallDraftSchema.parse(((snapshot?.data ?? row.data) as { project?: unknown } | null)?.project ?? {});
    const facts = await loadProjectCallFacts(db, { ...row, data: { project } as never, documents: [] }, project);
    const selection = selectionOf(row);
    const granted = selection?.grantedCents ?? null;
    const payments = granted === null ? null : aapPayments(granted);
    const category = selection ? { category: selection.category, cap: selection.capCents } : facts.category.known ? { category: facts.category.category, cap: facts.category.cap } : null;
    records.push({
      number: row.number,
      guichet: row.guichet.label,
      status: PROJECT_CALL_STATUS_LABELS[row.status],
      porteurFinessPmsi: project.porteurFinessPmsi,
      porteurName: facts.porteurName ?? "",
      carrierFiness: row.carrierFiness,
      perimeter: project.perimeter.map((site) => `${site.siteFiness} – ${facts.sites[site.siteFiness]?.name ?? "inconnu"}`).join(" | "),
      legalEntityCount: new Set(project.perimeter.map((site) => site.legalEntityFiness)).size,
      theme: project.theme ? PROJECT_CALL_THEMES[project.theme].label : "",
      objectives: project.theme ? project.objectives.map((objective) => themeObjective(project.theme!, objective.code)?.label ?? objective.code).join(" | ") : "",
      combinedActivity: (selection?.combinedActivity ?? facts.combinedActivity)?.toLocaleString("fr-FR") ?? "",
      category: category?.category ?? "",
      cap: category?.cap ?? null,
      forecast2026: project.forecastExpenses["2026"],
      forecast2027: project.forecastExpenses["2027"],
      score: selection ? `${selection.total.total} / ${selection.total.max}` : "",
      granted,
      payment2026: payments && PAID_2026.includes(row.status) ? payments.onAcceptance : null,
      payment2027: payments && row.status === "OBJECTIVES_VALIDATED" ? payments.onObjectives : null,
      submittedOn: row.submittedAt ? parisDate(row.submittedAt) : null,
      decidedOn: row.decidedAt ? parisDate(row.decidedAt) : null,
    });
  }
  return records;
}
