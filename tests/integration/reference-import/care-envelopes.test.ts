/**
 * The HospiConnect/CaRE envelopes (issue 11; source 003_7e8834ec9bc46d44.txt shows the « Montant plafond
 * au titre du domaine HospiConnect CaRE » pre-filled, e.g. 39 380,00 €): imported from the published
 * `FINESS EJ;montant` CSV — all or nothing, every bad line reported — or set for one EJ with a reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { careEnvelopeOf, setCareEnvelope } from "@/lib/admin/care-envelopes";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { importCareEnvelopesCsv } from "@/lib/reference/import/care-envelopes";
import { asCurrentUser, createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { bytesStream } from "./helpers";

let db: Database;

beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

const envelopes = (finess: string[]) => db.careEnvelope.findMany({ where: { legalEntityFiness: { in: finess } }, orderBy: { legalEntityFiness: "asc" } });

describe("the envelopes' import", () => {
  it("imports source 003's example (39 380,00 €) and a point-decimal amount, idempotently", async () => {
    const [a, b] = [await createLegalEntity(db, { regionCode: "84" }), await createLegalEntity(db, { regionCode: "53" })];
    const csv = `FINESS EJ;Montant plafond HospiConnect CaRE\n${a.finess};39 380,00\n${b.finess};12500.5\n`;
    const first = await importCareEnvelopesCsv(db, bytesStream(csv), { fileName: "enveloppes-care-2026.csv" });
    expect(first.status).toBe("SUCCEEDED");
    expect(first.counts).toMatchObject({ read: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect((await envelopes([a.finess, b.finess])).map((row) => [row.legalEntityFiness, row.amountCents, row.importRunId])).toEqual(
      [[a.finess, 3_938_000n, first.runId], [b.finess, 1_250_050n, first.runId]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const again = await importCareEnvelopesCsv(db, bytesStream(csv), { fileName: "enveloppes-care-2026.csv" });
    expect(again.counts).toMatchObject({ read: 2, created: 0, updated: 0, unchanged: 2 });
    expect((await careEnvelopeOf(db, a.finess))?.amount).toBe(3_938_000);
  });

  it("an unknown FINESS, a negative or non-numeric amount, a duplicate line: each reported, nothing imported", async () => {
    const known = await createLegalEntity(db, { regionCode: "84" });
    const other = await createLegalEntity(db, { regionCode: "84" });
    const csv = [`FINESS EJ;montant`, `${known.finess};10 000,00`, `849999999;5 000`, `${other.finess};-100`, `${other.finess};beaucoup`, `${known.finess};20 000`].join("\n");
    const report = await importCareEnvelopesCsv(db, bytesStream(csv), { fileName: "enveloppes-fausses.csv" });
    expect(report.status).toBe("FAILED");
    expect(report.error).toBe("4 ligne(s) refusée(s) (détail ci-dessous) : les enveloppes sont des montants, aucune n'a été importée. Corrigez le fichier puis importez-le à nouveau.");
    expect(report.rejects).toEqual(
      expect.arrayContaining([
        { line: 3, reason: "FINESS EJ 849999999 inconnu du référentiel FINESS du portail" },
        { line: 4, reason: "montant « -100 » refusé : Le montant ne peut pas être négatif." },
        { line: 5, reason: "montant « beaucoup » refusé : Saisissez un montant en euros, par exemple 30 000 ou 30 000,50." },
        { line: 6, reason: `FINESS EJ ${known.finess} déjà présent ligne 2 : une seule enveloppe par EJ` },
      ]),
    );
    expect(await envelopes([known.finess, other.finess])).toEqual([]);
  });

  it("refuses another file's header, and a file with no line", async () => {
    const wrong = await importCareEnvelopesCsv(db, bytesStream("FINESS PMSI;année;valeur\n998400402;2024;100\n"), { fileName: "activite.csv" });
    expect(wrong.status).toBe("FAILED");
    expect(wrong.error).toContain("un fichier d'enveloppes HospiConnect/CaRE (en-tête « FINESS EJ;montant »)");
    const empty = await importCareEnvelopesCsv(db, bytesStream("FINESS EJ;montant\n"), { fileName: "vide.csv" });
    expect(empty.error).toBe("Le fichier ne contient que l'en-tête, aucune ligne : rien n'a été importé.");
  });
});

describe("an envelope set by hand", () => {
  it("needs the DNS, a known EJ, a readable amount and a reason; it is audited; a later import replaces it", async () => {
    const ej = await createLegalEntity(db, { regionCode: "84" });
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const instructor = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
    const at = new Date("2026-06-02T09:00:00Z");
    await expect(setCareEnvelope(db, instructor, { finess: ej.finess, amount: "10 000", reason: "Correction de l'ANS" }, at)).rejects.toBeInstanceOf(ForbiddenError);
    const invalid = await setCareEnvelope(db, admin, { finess: ej.finess, amount: "-5", reason: "" }, at).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fieldErrors).toEqual({ amount: ["Le montant ne peut pas être négatif."], reason: ["Indiquez pourquoi cette enveloppe est fixée à la main (5 caractères au moins)."] });
    await expect(setCareEnvelope(db, admin, { finess: "849999998", amount: "10 000", reason: "Correction de l'ANS" }, at)).rejects.toBeInstanceOf(NotFoundError);

    const set = await setCareEnvelope(db, admin, { finess: ej.finess, amount: "39 380,00", reason: "Enveloppe notifiée par l'ANS le 1er juin" }, at);
    expect(set).toMatchObject({ amount: 3_938_000, origin: "manual", reason: "Enveloppe notifiée par l'ANS le 1er juin" });
    const audit = await db.auditEvent.findFirst({ where: { action: "admin.care-envelope.set", subject: `legal-entity:${ej.finess}` } });
    expect(audit).toMatchObject({ before: null, after: { amountCents: 3_938_000, origin: "manual" }, details: { reason: "Enveloppe notifiée par l'ANS le 1er juin" } });

    await importCareEnvelopesCsv(db, bytesStream(`FINESS EJ;montant\n${ej.finess};40 000\n`), { fileName: "enveloppes.csv" });
    expect(await careEnvelopeOf(db, ej.finess)).toMatchObject({ amount: 4_000_000, origin: "import", reason: null });
  });
});
