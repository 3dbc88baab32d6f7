/**
 * The ARS export of AAP projects and the DNS follow-up by region and theme (issue 10), with source
 * 001_56e3d9c199e9e209.txt's money: the category C cap of a 65 000 perimeter (85 000 €), 50 % in
 * 2026 on acceptance, 50 % in 2027 only once the objectives are validated.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { projectCallFollowUp } from "@/lib/dossiers/kinds/project-call/follow-up";
import { decideProjectSelection } from "@/lib/dossiers/kinds/project-call/selection";
import { ForbiddenError } from "@/lib/errors";
import { csvLine } from "@/lib/instruction/export-rows";
import { PROJECT_EXPORT_COLUMNS, projectExportRecords } from "@/lib/dossiers/kinds/project-call/export";
import { asCurrentUser, createUser } from "../support/factories";
import { grid, inSelection, setting, transmittedProject } from "../support/project-call-builders";
import { useTestDatabase } from "../support/test-database";

let db: Database;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

const version = async (id: string) => (await db.dossier.findUniqueOrThrow({ where: { id } })).version;

describe("the AAP projects' export", () => {
  it("one row per project of the instructor's region: porteur, perimeter, theme, category, cap, granted, 2026 payment", async () => {
    const s = await setting(db, "84");
    const id = await transmittedProject(db, s);
    await decideProjectSelection(db, s.instructor, id, await version(id), { decision: "ACCEPT", grid, grantedCents: 7_000_001, justification: "Dépenses moindres.", factors: ["FORECAST_EXPENSES"] }, inSelection);
    const [record] = await projectExportRecords(db, s.instructor, [id]);
    expect(record).toMatchObject({
      porteurFinessPmsi: s.porteur.ej.finess,
      porteurName: "CH porteur",
      perimeter: `${s.porteur.site.finess} – CH porteur — site principal | ${s.partner.site.finess} – CH partenaire — site principal`,
      legalEntityCount: 2,
      theme: "Rattrapage de la maturité numérique des établissements",
      category: "C",
      cap: 8_500_000,
      forecast2026: 3_000_000,
      forecast2027: 2_000_000,
      score: "10 / 12",
      granted: 7_000_001,
      payment2026: 3_500_000,
      payment2027: null,
      status: "Retenu par l'ARS",
    });
    // Exact euros in the CSV: the cap and the odd cent of the grant.
    const line = csvLine(record!, PROJECT_EXPORT_COLUMNS);
    expect(line).toContain(";85000,00;30000,00;20000,00;10 / 12;70000,01;35000,00;;");
    const other = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "11" }));
    expect(await projectExportRecords(db, other, [id])).toEqual([]);
  });
});

describe("the DNS follow-up of the AAP by region and theme", () => {
  it("counts the projects and sums what is granted and paid, nationally and per theme; DNS only", async () => {
    const s = await setting(db, "53");
    const retained = await transmittedProject(db, s);
    const refused = await transmittedProject(db, s);
    await decideProjectSelection(db, s.instructor, retained, await version(retained), { decision: "ACCEPT", grid, grantedCents: 8_500_000, justification: "Complet." }, inSelection);
    await decideProjectSelection(db, s.instructor, refused, await version(refused), { decision: "REFUSE", grid, reason: "Doublon." }, inSelection);
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const followUp = await projectCallFollowUp(db, admin, s.guichet.id);
    expect(followUp.rows).toEqual([
      { regionCode: "53", regionName: "Région 53", theme: "RATTRAPAGE_MATURITE", themeLabel: "Rattrapage de la maturité numérique des établissements", transmitted: 2, retained: 1, refused: 1, granted: 8_500_000, paid2026: 4_250_000, paid2027: 0 },
    ]);
    expect(followUp.total).toEqual({ transmitted: 2, retained: 1, refused: 1, granted: 8_500_000, paid2026: 4_250_000, paid2027: 0 });
    await expect(projectCallFollowUp(db, s.instructor, s.guichet.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
