import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { loadInstructionQueue, loadQueueFilterOptions, queueExportBatches, queueExportIds } from "@/lib/instruction/queue";
import { parseQueueFilters, QUEUE_STATUSES } from "@/lib/instruction/queue-filters";
import { asCurrentUser, createGuichet, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";
import { arsRefuses, arsRequestsChanges, candidature, directDossier, establishment, ghtEstablishment, instructionGuichets, submittedDeposit } from "../support/dossier-builders";
import { careGuichet } from "../support/care-releve-builders";

/** Every queue status counted, the AAP's proof-step ones included (0 here: no project in these tests). */
const counts = (some: Partial<Record<(typeof QUEUE_STATUSES)[number], number>>) => ({ ...Object.fromEntries(QUEUE_STATUSES.map((status) => [status, 0])), ...some });

let db: Database;
let ara: CurrentUser;
let bretagne: CurrentUser;
let noRegion: CurrentUser;
let ans: CurrentUser;
let admin: CurrentUser;
let guichets: Awaited<ReturnType<typeof instructionGuichets>>;
let care: Awaited<ReturnType<typeof careGuichet>>;
const ids: Record<string, string> = {};
const finess: Record<string, string> = {};
const july = new Date("2026-07-01T10:00:00Z");

/*
 * Region 84: Alpha (candidature accepted + deposit transmitted), Beta (candidature refused),
 * Gamma (candidature with changes requested), Delta (candidature still a DRAFT), a GHT (candidature
 * transmitted, carried by its support for 2 EJ). Region 53: Kervidec (candidature transmitted).
 * The ANS's CaRE relèves: Alpha's transmitted (84), Kervidec's sent back for changes (53), Delta's
 * still a draft (84). An AAP HOP'EN2 project transmitted in region 11. The ARS never lists a CaRE
 * relève (the region-84 expectations below would see it); the ANS lists only those.
 */
beforeAll(async () => {
  ({ db } = await useTestDatabase());
  guichets = await instructionGuichets(db);
  const alpha = await establishment(db, "84", "Centre hospitalier Alpha");
  const beta = await establishment(db, "84", "Clinique Beta");
  const gamma = await establishment(db, "84", "Hôpital Gamma");
  const delta = await establishment(db, "84", "Centre hospitalier Delta");
  const ght = await ghtEstablishment(db, "84", "84999");
  const kervidec = await establishment(db, "53", "Clinique de Kervidec");
  Object.assign(finess, { alpha: alpha.ej.finess, beta: beta.ej.finess, gamma: gamma.ej.finess, delta: delta.ej.finess, support: ght.support.finess, member: ght.member.finess, kervidec: kervidec.ej.finess });

  ids.alphaDeposit = (await submittedDeposit(db, alpha.referent, alpha.ej.finess, guichets)).id;
  ids.alphaCandidature = (await db.dossier.findFirstOrThrow({ where: { carrierFiness: alpha.ej.finess, guichetId: guichets.candidature.id } })).id;
  ids.beta = await candidature(db, beta.referent, beta.ej.finess, guichets.candidature.id);
  ids.gamma = await candidature(db, gamma.referent, gamma.ej.finess, guichets.candidature.id);
  ids.delta = await candidature(db, delta.referent, delta.ej.finess, guichets.candidature.id, { draft: true });
  ids.ght = await candidature(db, ght.referent, ght.support.finess, guichets.candidature.id, { ght: true });
  ids.kervidec = await candidature(db, kervidec.referent, kervidec.ej.finess, guichets.candidature.id);
  ara = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "84" }));
  // Alpha's candidature was accepted in March by the builder (a deposit needs it).
  await arsRefuses(db, ara, ids.beta, new Date("2026-03-03T14:00:00Z"));
  await arsRequestsChanges(db, ara, ids.gamma, new Date("2026-03-04T14:00:00Z"), { message: "Complétez l'équipe projet." });

  bretagne = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode: "53" }));
  noRegion = asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR" }));

  care = await careGuichet(db);
  ids.careAlpha = (await directDossier(db, { guichet: care, carrierFiness: alpha.ej.finess, referent: alpha.referent, status: "SUBMITTED" })).id;
  ids.careKervidec = (await directDossier(db, { guichet: care, carrierFiness: kervidec.ej.finess, referent: kervidec.referent, status: "CHANGES_REQUESTED" })).id;
  ids.careDelta = (await directDossier(db, { guichet: care, carrierFiness: delta.ej.finess, referent: delta.referent, status: "DRAFT" })).id;
  const projectCall = await createGuichet(db, { kind: "PROJECT_CALL", programme: "AAP_HOPEN2", year: 2026, opensOn: "2026-01-15", closesOn: "2026-04-30", instructionEndsOn: "2026-09-30" });
  const ile = await establishment(db, "11", "Hôpital Île-de-France");
  ids.project = (await directDossier(db, { guichet: projectCall, carrierFiness: ile.ej.finess, referent: ile.referent, status: "SUBMITTED" })).id;
  ans = asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
  admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
});

const queue = (user: CurrentUser, params: Record<string, string> = {}, pageSize?: number) => loadInstructionQueue(db, user, parseQueueFilters(params), july, pageSize);
const idsOf = (result: Awaited<ReturnType<typeof queue>>) => result.rows.map((row) => row.id).sort();

describe("region isolation", () => {
  it("an instructor lists the transmitted dossiers of their region only — never a draft, never another region's", async () => {
    const result = await queue(ara);
    expect(idsOf(result)).toEqual([ids.alphaDeposit, ids.alphaCandidature, ids.beta, ids.gamma, ids.ght].sort());
    expect(idsOf(result)).not.toContain(ids.kervidec);
    expect(idsOf(result)).not.toContain(ids.delta);
    expect(result.total).toBe(5);
  });

  it("the other region's instructor sees only theirs", async () => {
    expect(idsOf(await queue(bretagne))).toEqual([ids.kervidec]);
  });

  it("no filter can reach another region: searching its name or FINESS, or filtering on its EJ, finds nothing", async () => {
    expect((await queue(ara, { q: "Kervidec" })).total).toBe(0);
    expect((await queue(ara, { q: finess.kervidec! })).total).toBe(0);
    expect((await queue(ara, { ej: finess.kervidec! })).rows).toEqual([]);
    expect((await queue(bretagne, { q: "Alpha" })).total).toBe(0);
  });

  it("a draft cannot be asked for (statut=DRAFT is ignored, the queue stays without drafts)", async () => {
    expect(idsOf(await queue(ara, { statut: "DRAFT" }))).not.toContain(ids.delta);
  });

  it("an instructor without a region sees nothing; an establishment referent may not list the queue", async () => {
    expect((await queue(noRegion)).total).toBe(0);
    const referent = asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: [finess.alpha!] }), [finess.alpha!]);
    await expect(queue(referent)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(queueExportIds(db, referent, parseQueueFilters({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("counts and filters", () => {
  it("counts by status over the other filters; the status filter narrows the rows, not the counts", async () => {
    const all = await queue(ara);
    expect(all.counts).toEqual(counts({ SUBMITTED: 2, CHANGES_REQUESTED: 1, ACCEPTED: 1, REFUSED: 1 }));
    const accepted = await queue(ara, { statut: "ACCEPTED" });
    expect(idsOf(accepted)).toEqual([ids.alphaCandidature]);
    expect(accepted.total).toBe(1);
    expect(accepted.counts).toEqual(all.counts);
  });

  it("by guichet (its code)", async () => {
    const deposits = await queue(ara, { guichet: guichets.deposit.code });
    expect(idsOf(deposits)).toEqual([ids.alphaDeposit]);
    expect(deposits.counts).toEqual(counts({ SUBMITTED: 1 }));
  });

  it("by EJ: a GHT member's FINESS finds the dossier its support carries", async () => {
    expect(idsOf(await queue(ara, { ej: finess.member! }))).toEqual([ids.ght]);
    expect(idsOf(await queue(ara, { ej: finess.alpha! }))).toEqual([ids.alphaDeposit, ids.alphaCandidature].sort());
  });

  it("by GHT code", async () => {
    expect(idsOf(await queue(ara, { ght: "84999" }))).toEqual([ids.ght]);
    expect((await queue(ara, { ght: "00000" })).total).toBe(0);
  });

  it("search: part of a name (any case, any EJ of the dossier), a FINESS prefix, a dossier number", async () => {
    expect(idsOf(await queue(ara, { q: "gamma" }))).toEqual([ids.gamma]);
    expect(idsOf(await queue(ara, { q: "membre" }))).toEqual([ids.ght]);
    expect(idsOf(await queue(ara, { q: finess.beta!.slice(0, 9) }))).toEqual([ids.beta]);
    const number = (await db.dossier.findUniqueOrThrow({ where: { id: ids.beta! } })).number;
    expect(idsOf(await queue(ara, { q: number.toLowerCase() }))).toEqual([ids.beta]);
  });

  it("awaiting a decision only (encours=1): transmitted and sent-back dossiers, counted so; the decided ones left out", async () => {
    const open = await queue(ara, { encours: "1" });
    expect(idsOf(open)).toEqual([ids.alphaDeposit, ids.gamma, ids.ght].sort());
    expect(open.counts).toEqual(counts({ SUBMITTED: 2, CHANGES_REQUESTED: 1 }));
    expect((await queue(ara, { encours: "1", statut: "ACCEPTED" })).total).toBe(0);
  });

  it("filters combine", async () => {
    expect(idsOf(await queue(ara, { ej: finess.alpha!, statut: "SUBMITTED" }))).toEqual([ids.alphaDeposit]);
    expect((await queue(ara, { ej: finess.alpha!, guichet: guichets.candidature.code, statut: "REFUSED" })).total).toBe(0);
  });
});

describe("rows, sort and pages", () => {
  it("a row: EJ of the dossier, GHT, days left to the end of instruction (counting today), null once decided", async () => {
    const { rows } = await queue(ara);
    const ghtRow = rows.find((row) => row.id === ids.ght)!;
    expect(ghtRow.parts.map((part) => part.finess).sort()).toEqual([finess.support, finess.member].sort());
    expect(ghtRow.ght).toEqual({ code: "84999", name: "GHT de test" });
    const deposit = rows.find((row) => row.id === ids.alphaDeposit)!;
    expect(deposit).toMatchObject({ instructionEndsOn: "2026-09-15", daysLeft: 77, status: "SUBMITTED" });
    expect(rows.find((row) => row.id === ids.alphaCandidature)!.daysLeft).toBeNull();
    // The candidature guichet's instruction ended on 31 March; the open request shows since when.
    expect(rows.find((row) => row.id === ids.gamma)).toMatchObject({ daysLeft: 0, status: "CHANGES_REQUESTED", changesRequestedAt: new Date("2026-03-04T14:00:00Z") });
  });

  it("default sort: fewest days left first", async () => {
    const { rows } = await queue(ara);
    expect(rows.at(-1)!.id).toBe(ids.alphaDeposit);
  });

  it("sort by number, both ways; by establishment name; by submission date", async () => {
    const asc = (await queue(ara, { tri: "numero" })).rows.map((row) => row.number);
    expect(asc).toEqual([...asc].sort());
    expect((await queue(ara, { tri: "numero", ordre: "desc" })).rows.map((row) => row.number)).toEqual([...asc].reverse());
    const names = (await queue(ara, { tri: "etablissement" })).rows.map((row) => row.carrier.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const latestFirst = (await queue(ara, { tri: "depot", ordre: "desc" })).rows;
    expect(latestFirst[0]!.id).toBe(ids.alphaDeposit);
  });

  it("pages do not overlap and cover the queue", async () => {
    const first = await queue(ara, { tri: "numero" }, 2);
    const second = await queue(ara, { tri: "numero", page: "2" }, 2);
    const third = await queue(ara, { tri: "numero", page: "3" }, 2);
    expect(first.pageCount).toBe(3);
    const seen = [...first.rows, ...second.rows, ...third.rows].map((row) => row.id);
    expect(new Set(seen).size).toBe(5);
    expect(third.rows).toHaveLength(1);
  });
});

describe("filter options and export batches", () => {
  it("offers the guichets with dossiers in the region and the region's GHT", async () => {
    const options = await loadQueueFilterOptions(db, ara);
    expect(options.guichets.map((guichet) => guichet.code).sort()).toEqual([guichets.candidature.code, guichets.deposit.code].sort());
    expect(options.ghts).toEqual([{ code: "84999", name: "GHT de test" }]);
    expect((await loadQueueFilterOptions(db, bretagne)).ghts).toEqual([]);
  });

  it("the export reads the same filtered queue, in order, in batches, and never an id out of scope", async () => {
    const filters = parseQueueFilters({ tri: "numero" });
    const exportIds = await queueExportIds(db, ara, filters);
    expect(exportIds).toEqual((await queue(ara, { tri: "numero" })).rows.map((row) => row.id));
    const batches: string[][] = [];
    for await (const batch of queueExportBatches(db, ara, [...exportIds, ids.kervidec!, ids.delta!], 2)) batches.push(batch.map((dossier) => dossier.number));
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1, 0]);
    const deposit = (await db.dossier.findUniqueOrThrow({ where: { id: ids.alphaDeposit! } })).number;
    expect(batches.flat()).toContain(deposit);
  });
});

describe("the ANS's national queue of CaRE relèves", () => {
  it("lists the transmitted CaRE relèves of every region — never a HOP'EN2 or AAP dossier, never a CaRE draft", async () => {
    const result = await queue(ans);
    expect(idsOf(result)).toEqual([ids.careAlpha, ids.careKervidec].sort());
    expect(result.total).toBe(2);
    expect(result.counts).toEqual(counts({ SUBMITTED: 1, CHANGES_REQUESTED: 1 }));
    for (const other of [ids.alphaDeposit, ids.alphaCandidature, ids.kervidec, ids.project, ids.careDelta]) expect(idsOf(result)).not.toContain(other);
    // Searching or filtering cannot reach what is out of scope.
    expect((await queue(ans, { ej: finess.alpha! })).rows.map((row) => row.id)).toEqual([ids.careAlpha]);
    expect((await queue(ans, { q: "Delta" })).total).toBe(0);
    expect((await queue(ans, { guichet: guichets.candidature.code })).total).toBe(0);
  });

  it("a row says the carrier's region and the days left to the end of instruction", async () => {
    const { rows } = await queue(ans);
    expect(rows.find((row) => row.id === ids.careAlpha)).toMatchObject({ status: "SUBMITTED", daysLeft: 92, region: { code: "84", name: "Région 84" }, guichet: { kind: "CARE_RELEVE" } });
    expect(rows.find((row) => row.id === ids.careKervidec)?.region.code).toBe("53");
  });

  it("the ARS never lists a CaRE relève, not even of its region", async () => {
    expect(idsOf(await queue(ara))).not.toContain(ids.careAlpha);
    expect(idsOf(await queue(bretagne))).not.toContain(ids.careKervidec);
    expect((await queue(ara, { guichet: care.code })).total).toBe(0);
  });
});

describe("the region filter (national queues)", () => {
  it("narrows the ANS's queue and its counts to the carriers of one region", async () => {
    const breton = await queue(ans, { region: "53" });
    expect(idsOf(breton)).toEqual([ids.careKervidec]);
    expect(breton.counts).toEqual(counts({ CHANGES_REQUESTED: 1 }));
    expect(idsOf(await queue(ans, { region: "84" }))).toEqual([ids.careAlpha]);
    expect((await queue(ans, { region: "11" })).total).toBe(0);
    expect(idsOf(await queue(ans, { region: "84", statut: "CHANGES_REQUESTED" }))).toEqual([]);
  });

  it("narrows the DNS's national queue too", async () => {
    expect(idsOf(await queue(admin, { region: "53" }))).toEqual([ids.kervidec, ids.careKervidec].sort());
    expect(idsOf(await queue(admin, { region: "11" }))).toEqual([ids.project]);
  });

  it("is ignored in an ARS queue, which is its region's anyway (a hand-edited URL shows the unfiltered queue)", async () => {
    expect(idsOf(await queue(ara, { region: "53" }))).toEqual(idsOf(await queue(ara)));
    expect(idsOf(await queue(bretagne, { region: "84" }))).toEqual([ids.kervidec]);
  });

  it("the filter form offers the regions to national queues only, and each queue the guichets of its own dossiers", async () => {
    const ansOptions = await loadQueueFilterOptions(db, ans);
    expect(ansOptions.guichets.map((guichet) => guichet.code)).toEqual([care.code]);
    expect(ansOptions.regions?.map((region) => region.code)).toEqual(expect.arrayContaining(["84", "53", "11"]));
    expect(ansOptions.ghts.map((ght) => ght.code)).toContain("84999");
    expect((await loadQueueFilterOptions(db, admin)).regions).not.toBeNull();
    expect((await loadQueueFilterOptions(db, ara)).regions).toBeNull();
  });

  it("the ANS's export batches keep only its scope, whatever ids they are given", async () => {
    const exportIds = await queueExportIds(db, ans, parseQueueFilters({ region: "84" }));
    expect(exportIds).toEqual([ids.careAlpha]);
    const numbers: string[] = [];
    for await (const batch of queueExportBatches(db, ans, [ids.careAlpha!, ids.careKervidec!, ids.careDelta!, ids.alphaDeposit!, ids.project!])) numbers.push(...batch.map((dossier) => dossier.number));
    const expected = await db.dossier.findMany({ where: { id: { in: [ids.careAlpha!, ids.careKervidec!] } }, select: { number: true } });
    expect(numbers.sort()).toEqual(expected.map((row) => row.number).sort());
  });
});
