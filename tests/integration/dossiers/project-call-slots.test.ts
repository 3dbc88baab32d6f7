/**
 * Source 001 (001_56e3d9c199e9e209.txt): « Un établissement (FINESS PMSI) ne peut pas candidater, en
 * tant que porteur de projet ou partie prenante, à plus de deux projets. » The slots are taken in the
 * transmission's transaction; these tests prove the limit holds, also when projects race.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { releaseProjectSlots, takeProjectSlots } from "@/lib/dossiers/kinds/project-call/project-slots";
import { createGuichet, createLegalEntity, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let sequence = 0;
const at = new Date("2026-05-20T10:00:00+02:00");

beforeAll(async () => {
  db = (await useTestDatabase()).db;
});

/** An AAP guichet and `count` draft projects, each carried by its own EJ. */
async function projects(count: number) {
  const guichet = await createGuichet(db, { kind: "PROJECT_CALL", programme: "AAP_HOPEN2", year: 2026, opensOn: "2026-04-01", closesOn: "2026-05-29", instructionEndsOn: "2026-07-31" });
  const referent = await createUser(db, { role: "ESTABLISHMENT_REFERENT" });
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const carrier = await createLegalEntity(db, { regionCode: "84" });
    sequence += 1;
    const dossier = await db.dossier.create({ data: { number: `AAP2026-T${process.pid}-${sequence}`, guichetId: guichet.id, carrierFiness: carrier.finess, completedById: referent.id } });
    ids.push(dossier.id);
  }
  return { guichetId: guichet.id, ids };
}

/** Transmits: takes the slots in a transaction that fails (and gives them back) when a FINESS PMSI is full. */
async function transmit(guichetId: string, dossierId: string, finessPmsi: string[]) {
  return db.$transaction(async (tx) => {
    const offences = await takeProjectSlots(tx, { guichetId, dossierId, finessPmsi, at, names: { "840000010": "CH de Test" } });
    if (offences.length > 0) throw new Error(offences.map((offence) => offence.message).join(" "));
    return "transmitted";
  });
}

const slotsOf = (guichetId: string, finessPmsi: string) => db.projectCallSlot.count({ where: { guichetId, finessPmsi } });

describe("at most two projects per FINESS PMSI, as porteur or as party", () => {
  it("a third project is refused with source 001's rule, naming the establishment; nothing of it is kept", async () => {
    const { guichetId, ids } = await projects(3);
    const [first, second, third] = ids as [string, string, string];
    await expect(transmit(guichetId, first, ["840000010", "840000028"])).resolves.toBe("transmitted");
    await expect(transmit(guichetId, second, ["840000010"])).resolves.toBe("transmitted");
    await expect(transmit(guichetId, third, ["840000036", "840000010"])).rejects.toThrow(
      "CH de Test (FINESS PMSI 840000010) participe déjà à 2 projets transmis sur cet appel à projets, comme porteur ou partie prenante : un établissement ne peut candidater à plus de 2 projets.",
    );
    // The refused transmission rolled back: it holds no slot, not even for its other FINESS PMSI.
    expect(await db.projectCallSlot.count({ where: { dossierId: third } })).toBe(0);
    expect(await slotsOf(guichetId, "840000010")).toBe(2);
  });

  it("a retransmission keeps its slots; a refused project gives them back to another", async () => {
    const { guichetId, ids } = await projects(3);
    const [first, second, third] = ids as [string, string, string];
    await transmit(guichetId, first, ["840000010"]);
    await transmit(guichetId, second, ["840000010"]);
    await expect(transmit(guichetId, first, ["840000010"])).resolves.toBe("transmitted");
    expect(await slotsOf(guichetId, "840000010")).toBe(2);
    expect(await db.$transaction((tx) => releaseProjectSlots(tx, first))).toBe(1);
    await expect(transmit(guichetId, third, ["840000010"])).resolves.toBe("transmitted");
    expect(await db.projectCallSlot.findMany({ where: { guichetId, finessPmsi: "840000010" }, select: { dossierId: true }, orderBy: { dossierId: "asc" } })).toEqual(
      [{ dossierId: second }, { dossierId: third }].sort((a, b) => a.dossierId.localeCompare(b.dossierId)),
    );
  });

  it("the limit counts per guichet: the same FINESS PMSI starts afresh on another AAP guichet", async () => {
    const one = await projects(2);
    const other = await projects(1);
    await transmit(one.guichetId, one.ids[0] as string, ["840000010"]);
    await transmit(one.guichetId, one.ids[1] as string, ["840000010"]);
    await expect(transmit(other.guichetId, other.ids[0] as string, ["840000010"])).resolves.toBe("transmitted");
  });

  it("three projects transmitted at the same instant for one FINESS PMSI: exactly two succeed, every time", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { guichetId, ids } = await projects(3);
      const outcomes = await Promise.allSettled(ids.map((id) => transmit(guichetId, id, ["840000010"])));
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
      expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(1);
      expect(await slotsOf(guichetId, "840000010")).toBe(2);
    }
  });
});
