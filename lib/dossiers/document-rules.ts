/*
 * Rules on the documents of a dossier's slots. PURE: the upload field runs them for an answer
 * at once, and lib/dossiers/service.ts again when it attaches the file.
 *
 * A slot is one kind of document for one EJ (and, for a proof, one objective). A file whose
 * bytes are those of a document already in the slot (same SHA-256, which /api/fichiers computes
 * while storing) is refused rather than kept on confirmation: the second copy proves nothing
 * more to the ARS, and would make every count of the slot false (the instructor would read two
 * documents where there is one, the 20-file limit of source 003 would be reached sooner). One
 * document serving several EJ of a GHT is linked to each of them once (source 000), not uploaded twice.
 */

export interface SlotDocument {
  kind: string;
  objectiveCode: string | null;
  legalEntities: readonly string[];
  sha256: string;
  name: string;
}

export interface SlotCandidate {
  kind: string;
  objectiveCode: string | null;
  /** The EJ the new document would serve. */
  legalEntities: readonly string[];
  sha256: string;
}

/** The document of the same slot with the same bytes as `candidate`, if there is one. */
export function duplicateInSlot<T extends SlotDocument>(documents: readonly T[], candidate: SlotCandidate): T | null {
  const sha256 = candidate.sha256.toLowerCase();
  return (
    documents.find(
      (document) =>
        document.kind === candidate.kind &&
        (document.objectiveCode ?? null) === (candidate.objectiveCode ?? null) &&
        document.sha256.toLowerCase() === sha256 &&
        document.legalEntities.some((finess) => candidate.legalEntities.includes(finess)),
    ) ?? null
  );
}

/** What the user reads when a duplicate is refused (the file chosen, and the one already there). */
export function duplicateMessage(newName: string, existing: { name: string }): string {
  if (newName === existing.name) {
    return `« ${newName} » est déjà déposé ici avec exactement le même contenu (même empreinte SHA-256) : il n'a pas été ajouté une seconde fois.`;
  }
  return `« ${newName} » n'a pas été ajouté : son contenu est identique à celui de « ${existing.name} », déjà déposé ici (même empreinte SHA-256). S'il s'agit d'un autre document, vérifiez le fichier choisi.`;
}
