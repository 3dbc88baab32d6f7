import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { DossierStatus } from "@/lib/generated/prisma/enums";
import { canDownloadStoredFile } from "@/lib/storage/file-access";
import { newStorageKey } from "@/lib/storage/file-storage";
import { asCurrentUser, createGht, createLegalEntity, createRegion, createUser } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

let db: Database;
let sequence = 0;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
});

async function referent(finess: string[]): Promise<CurrentUser> {
  return asCurrentUser(await createUser(db, { role: "ESTABLISHMENT_REFERENT", legalEntities: finess }), finess);
}

async function instructor(regionCode: string): Promise<CurrentUser> {
  await createRegion(db, regionCode);
  return asCurrentUser(await createUser(db, { role: "ARS_INSTRUCTOR", regionCode }));
}

async function ansInstructor(): Promise<CurrentUser> {
  return asCurrentUser(await createUser(db, { role: "ANS_INSTRUCTOR" }));
}

async function storedFile(uploadedById: string) {
  return db.storedFile.create({
    data: { storageKey: newStorageKey(), originalName: "note.pdf", sizeBytes: 1234n, sha256: "a".repeat(64), mediaType: "application/pdf", uploadedById },
  });
}

/** A dossier carried by `carrierFiness` with `fileId` attached as a document: by default a transmitted HOP'EN2 deposit. */
async function attachToDossier(
  carrierFiness: string,
  completedById: string,
  fileId: string,
  { status = "SUBMITTED", care = false }: { status?: DossierStatus; care?: boolean } = {},
) {
  sequence += 1;
  const guichet = await db.guichet.create({
    data: {
      code: `TEST-${process.pid}-${sequence}`,
      programme: care ? "HOSPICONNECT_CARE" : "HOSPICONNECT_HOPEN2",
      kind: care ? "CARE_RELEVE" : "MILESTONE_DEPOSIT",
      year: 2026,
      label: care ? "Relève CaRE 2026 (test)" : "Jalon 2026 (test)",
      opensOn: new Date("2026-05-04"),
      closesOn: new Date("2026-06-26"),
      instructionEndsOn: new Date("2026-09-30"),
    },
  });
  const dossier = await db.dossier.create({
    data: { number: `HC-T2026-${String(sequence).padStart(6, "0")}`, guichetId: guichet.id, carrierFiness, completedById, status },
  });
  await db.dossierDocument.create({ data: { dossierId: dossier.id, kind: care ? "CARE_FINANCIAL_STATEMENT" : "NOTE_DE_CADRAGE", fileId } });
  return dossier;
}

async function outcome(user: CurrentUser, fileId: string): Promise<"allowed" | "forbidden" | "not-found"> {
  try {
    const file = await canDownloadStoredFile(db, user, fileId);
    expect(file.id).toBe(fileId);
    return "allowed";
  } catch (error) {
    if (error instanceof ForbiddenError) return "forbidden";
    if (error instanceof NotFoundError) return "not-found";
    throw error;
  }
}

describe("canDownloadStoredFile", () => {
  it("a file attached to a dossier: its uploader, the carrier's referents, the region's instructors and the admins", async () => {
    const carrier = await createLegalEntity(db, { regionCode: "84" });
    const otherEj = await createLegalEntity(db, { regionCode: "84" });
    const uploader = await referent([carrier.finess]);
    const colleague = await referent([carrier.finess]);
    const otherReferent = await referent([otherEj.finess]);
    const regionInstructor = await instructor("84");
    const otherRegionInstructor = await instructor("11");
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    const file = await storedFile(uploader.id);
    await attachToDossier(carrier.finess, uploader.id, file.id);

    expect(await outcome(uploader, file.id)).toBe("allowed");
    expect(await outcome(colleague, file.id)).toBe("allowed");
    expect(await outcome(otherReferent, file.id)).toBe("forbidden");
    expect(await outcome(regionInstructor, file.id)).toBe("allowed");
    expect(await outcome(otherRegionInstructor, file.id)).toBe("forbidden");
    expect(await outcome(admin, file.id)).toBe("allowed");
  });

  it("a draft's file: its referents and the admins, never an instructor (a draft is no instructor's)", async () => {
    const carrier = await createLegalEntity(db, { regionCode: "84" });
    const uploader = await referent([carrier.finess]);
    const colleague = await referent([carrier.finess]);
    const file = await storedFile(uploader.id);
    await attachToDossier(carrier.finess, uploader.id, file.id, { status: "DRAFT" });
    expect(await outcome(colleague, file.id)).toBe("allowed");
    expect(await outcome(asCurrentUser(await createUser(db, { role: "DNS_ADMIN" })), file.id)).toBe("allowed");
    expect(await outcome(await instructor("84"), file.id)).toBe("forbidden");

    const careDraftFile = await storedFile(uploader.id);
    await attachToDossier(carrier.finess, uploader.id, careDraftFile.id, { status: "DRAFT", care: true });
    expect(await outcome(await ansInstructor(), careDraftFile.id)).toBe("forbidden");
  });

  it("a CaRE relève's file: the ANS instructors (every region), never the ARS, not even the carrier's region's", async () => {
    const carrier = await createLegalEntity(db, { regionCode: "84" });
    const uploader = await referent([carrier.finess]);
    const file = await storedFile(uploader.id);
    await attachToDossier(carrier.finess, uploader.id, file.id, { status: "CHANGES_REQUESTED", care: true });
    expect(await outcome(await ansInstructor(), file.id)).toBe("allowed");
    expect(await outcome(await instructor("84"), file.id)).toBe("forbidden");
    expect(await outcome(await instructor("53"), file.id)).toBe("forbidden");
    expect(await outcome(await referent([carrier.finess]), file.id)).toBe("allowed");
  });

  it("an ANS instructor may not download the files of a HOP'EN2 dossier", async () => {
    const carrier = await createLegalEntity(db, { regionCode: "84" });
    const uploader = await referent([carrier.finess]);
    const file = await storedFile(uploader.id);
    await attachToDossier(carrier.finess, uploader.id, file.id, { status: "ACCEPTED" });
    expect(await outcome(await ansInstructor(), file.id)).toBe("forbidden");
    expect(await outcome(await instructor("84"), file.id)).toBe("allowed");
  });

  it("a file not attached yet: only its uploader", async () => {
    const ej = await createLegalEntity(db, { regionCode: "84" });
    const uploader = await referent([ej.finess]);
    const colleague = await referent([ej.finess]);
    const file = await storedFile(uploader.id);

    expect(await outcome(uploader, file.id)).toBe("allowed");
    expect(await outcome(colleague, file.id)).toBe("forbidden");
    expect(await outcome(await instructor("84"), file.id)).toBe("forbidden");
  });

  it("the uploader keeps access to its own file even without any link left", async () => {
    const ej = await createLegalEntity(db, { regionCode: "84" });
    const uploader = await referent([ej.finess]);
    const file = await storedFile(uploader.id);
    expect(await outcome({ ...uploader, linkedLegalEntities: [] }, file.id)).toBe("allowed");
  });

  it("a GHT: the support establishment's referents read the dossiers of the GHT's EJ", async () => {
    const support = await createLegalEntity(db, { regionCode: "84" });
    const member = await createLegalEntity(db, { regionCode: "84" });
    await createGht(db, { regionCode: "84", supportFiness: support.finess, memberFiness: [member.finess] });
    const memberReferent = await referent([member.finess]);
    const supportReferent = await referent([support.finess]);
    const file = await storedFile(memberReferent.id);
    await attachToDossier(member.finess, memberReferent.id, file.id);

    expect(await outcome(supportReferent, file.id)).toBe("allowed");
  });

  it("one readable dossier is enough when the file serves several", async () => {
    const ejA = await createLegalEntity(db, { regionCode: "84" });
    const ejB = await createLegalEntity(db, { regionCode: "11" });
    const uploader = await referent([ejA.finess, ejB.finess]);
    const file = await storedFile(uploader.id);
    await attachToDossier(ejA.finess, uploader.id, file.id);
    await attachToDossier(ejB.finess, uploader.id, file.id);
    expect(await outcome(await instructor("11"), file.id)).toBe("allowed");
    expect(await outcome(await instructor("93"), file.id)).toBe("forbidden");
  });

  it("an unknown file is not found, whoever asks", async () => {
    const admin = asCurrentUser(await createUser(db, { role: "DNS_ADMIN" }));
    await expect(canDownloadStoredFile(db, admin, "no-such-file")).rejects.toMatchObject({ name: "NotFoundError", userMessage: "Ce fichier est introuvable." });
  });
});
