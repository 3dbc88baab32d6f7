import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { projectCallDraftSchema } from "@/lib/dossiers/kinds/project-call/draft-schema";
import { selectionOf } from "@/lib/dossiers/kinds/project-call/selection";
import { PROJECT_CALL_THEME_KEYS, PROJECT_CALL_THEMES, type ProjectCallThemeKey } from "@/lib/dossiers/kinds/project-call/themes";
import { aapPayments } from "@/lib/funding/aap";
import type { Cents } from "@/lib/funding/money";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { assertAdmin } from "@/lib/admin/accounts";

/*
 * The DNS's follow-up of an AAP HOP'EN2 guichet by region and by theme (issue 10): projects
 * transmitted, retained, not retained, the amounts granted and the two payments of source 001
 * (50 % in 2026 once retained, 50 % in 2027 once the objectives are validated). The theme is the
 * one transmitted: the dossier's data is locked once transmitted.
 */

const RETAINED: readonly DossierStatus[] = ["ACCEPTED", "PROOF_SUBMITTED", "PROOF_CHANGES_REQUESTED", "OBJECTIVES_VALIDATED", "OBJECTIVES_NOT_MET"];

export interface ProjectFollowUpCell {
  transmitted: number;
  retained: number;
  refused: number;
  granted: Cents;
  paid2026: Cents;
  paid2027: Cents;
}

export interface ProjectFollowUpRow extends ProjectFollowUpCell {
  regionCode: string;
  regionName: string;
  theme: ProjectCallThemeKey | null;
  themeLabel: string;
}

const emptyCell = (): ProjectFollowUpCell => ({ transmitted: 0, retained: 0, refused: 0, granted: 0, paid2026: 0, paid2027: 0 });

export function addProject(cell: ProjectFollowUpCell, status: DossierStatus, granted: Cents | null) {
  cell.transmitted += 1;
  if (status === "REFUSED") cell.refused += 1;
  if (RETAINED.includes(status) && granted !== null) {
    const payments = aapPayments(granted);
    cell.retained += 1;
    cell.granted += granted;
    cell.paid2026 += payments.onAcceptance;
    if (status === "OBJECTIVES_VALIDATED") cell.paid2027 += payments.onObjectives;
  }
}

const themeLabel = (theme: ProjectCallThemeKey | null) => (theme ? PROJECT_CALL_THEMES[theme].label : "Sans thématique");
const order = (theme: ProjectCallThemeKey | null) => (theme === null ? PROJECT_CALL_THEME_KEYS.length : PROJECT_CALL_THEME_KEYS.indexOf(theme));

/** Rows per region and theme (only those with a project), the national total per theme, and overall. */
export async function projectCallFollowUp(db: Database, actor: CurrentUser, guichetId: string) {
  assertAdmin(actor);
  const dossiers = await db.dossier.findMany({
    where: { guichetId, guichet: { kind: "PROJECT_CALL" }, status: { not: "DRAFT" } },
    select: { status: true, data: true, selection: true, carrier: { select: { regionCode: true, region: { select: { name: true } } } } },
  });
  const rows = new Map<string, ProjectFollowUpRow>();
  const byTheme = new Map<ProjectCallThemeKey | null, ProjectFollowUpCell>();
  const total = emptyCell();
  for (const dossier of dossiers) {
    const theme = projectCallDraftSchema.parse((dossier.data as { project?: unknown } | null)?.project ?? {}).theme;
    const granted = selectionOf(dossier)?.grantedCents ?? null;
    const key = `${dossier.carrier.regionCode}|${theme ?? ""}`;
    const row = rows.get(key) ?? { regionCode: dossier.carrier.regionCode, regionName: dossier.carrier.region.name, theme, themeLabel: themeLabel(theme), ...emptyCell() };
    addProject(row, dossier.status, granted);
    rows.set(key, row);
    const themeCell = byTheme.get(theme) ?? emptyCell();
    addProject(themeCell, dossier.status, granted);
    byTheme.set(theme, themeCell);
    addProject(total, dossier.status, granted);
  }
  return {
    rows: [...rows.values()].sort((a, b) => a.regionName.localeCompare(b.regionName, "fr") || order(a.theme) - order(b.theme)),
    themes: [...byTheme].sort(([a], [b]) => order(a) - order(b)).map(([theme, cell]) => ({ theme, themeLabel: themeLabel(theme), ...cell })),
    total,
  };
}
