import { describe, expect, it } from "vitest";
import { duplicateInSlot, duplicateMessage } from "@/lib/dossiers/document-rules";

const sha = (digit: string) => digit.repeat(64);
const note = { kind: "NOTE_DE_CADRAGE", objectiveCode: null, legalEntities: ["998400700"], sha256: sha("a"), name: "note-de-cadrage.pdf" };
const proof = { kind: "OBJECTIVE_PROOF", objectiveCode: "1.1", legalEntities: ["998400700"], sha256: sha("b"), name: "preuve-1-1.pdf" };

describe("two files with the same content (same SHA-256) in one slot (issue 9 §2.7)", () => {
  it("the same bytes in the same slot are a duplicate, whatever the name or the case of the digest", () => {
    expect(duplicateInSlot([note, proof], { kind: "NOTE_DE_CADRAGE", objectiveCode: null, legalEntities: ["998400700"], sha256: sha("a") })).toBe(note);
    expect(duplicateInSlot([note], { kind: "NOTE_DE_CADRAGE", objectiveCode: null, legalEntities: ["998400700"], sha256: sha("A") })).toBe(note);
  });

  it("other bytes, another kind of document, another objective's proof or another EJ are other slots", () => {
    expect(duplicateInSlot([note], { kind: "NOTE_DE_CADRAGE", objectiveCode: null, legalEntities: ["998400700"], sha256: sha("c") })).toBeNull();
    expect(duplicateInSlot([note], { kind: "EXPENSE_ATTESTATION", objectiveCode: null, legalEntities: ["998400700"], sha256: sha("a") })).toBeNull();
    expect(duplicateInSlot([proof], { kind: "OBJECTIVE_PROOF", objectiveCode: "1.2", legalEntities: ["998400700"], sha256: sha("b") })).toBeNull();
    expect(duplicateInSlot([note], { kind: "NOTE_DE_CADRAGE", objectiveCode: null, legalEntities: ["998400718"], sha256: sha("a") })).toBeNull();
  });

  it("a GHT note de cadrage shared by several EJ: the same bytes again for one of them is a duplicate (source 000: one note, linked to each EJ)", () => {
    const shared = { ...note, legalEntities: ["998400700", "998400718", "998400726"] };
    expect(duplicateInSlot([shared], { kind: "NOTE_DE_CADRAGE", objectiveCode: null, legalEntities: ["998400726"], sha256: sha("a") })).toBe(shared);
  });

  it("the message names both files, or says the same file is already there", () => {
    expect(duplicateMessage("copie.pdf", note)).toBe(
      "« copie.pdf » n'a pas été ajouté : son contenu est identique à celui de « note-de-cadrage.pdf », déjà déposé ici (même empreinte SHA-256). S'il s'agit d'un autre document, vérifiez le fichier choisi.",
    );
    expect(duplicateMessage("note-de-cadrage.pdf", note)).toBe(
      "« note-de-cadrage.pdf » est déjà déposé ici avec exactement le même contenu (même empreinte SHA-256) : il n'a pas été ajouté une seconde fois.",
    );
  });
});
