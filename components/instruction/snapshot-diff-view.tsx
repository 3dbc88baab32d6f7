import type { SnapshotDiff, SnapshotDocument } from "@/lib/instruction/snapshot-diff";
import { documentKindLabel, formatDiffValue, formatFileSize } from "./format";

function DocumentLine({ document, nameOf }: { document: SnapshotDocument; nameOf: (finess: string) => string }) {
  return (
    <>
      <a href={`/api/fichiers/${document.fileId}`} download>
        {document.name}
      </a>{" "}
      — {documentKindLabel(document.kind, document.objectiveCode)} ({formatFileSize(document.sizeBytes)} ; {document.legalEntities.map(nameOf).join(", ")}){" "}
      <span className="font-mono text-xs" title={`SHA-256 ${document.sha256}`}>
        SHA-256 {document.sha256.slice(0, 12)}…
      </span>
    </>
  );
}

/**
 * What changed between two submissions: fields (before → after) and documents
 * (compared by SHA-256). `heading` is the level of its sub-headings, under the caller's heading.
 */
export function SnapshotDiffView({ diff, nameOf, heading: Heading = "h3" }: { diff: SnapshotDiff; nameOf: (finess: string) => string; heading?: "h3" | "h4" }) {
  if (diff.unchanged) {
    return (
      <p data-testid={`modifications-${diff.toSequence}`}>
        Aucune modification entre la transmission n° {diff.fromSequence} et la transmission n° {diff.toSequence} : mêmes réponses, mêmes documents.
      </p>
    );
  }
  return (
    <div className="space-y-4" data-testid={`modifications-${diff.toSequence}`}>
      {diff.fields.length > 0 && (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-1 text-left font-semibold">
            {diff.fields.length} champ{diff.fields.length > 1 ? "s" : ""} modifié{diff.fields.length > 1 ? "s" : ""} (transmission n° {diff.fromSequence} → n° {diff.toSequence})
          </caption>
          <thead>
            <tr className="border-b-2 border-gris-texte">
              <th scope="col" className="py-1 pr-3">
                Champ
              </th>
              <th scope="col" className="py-1 pr-3">
                Avant
              </th>
              <th scope="col" className="py-1">
                Après
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((change) => (
              <tr key={change.key} className="border-b border-gris-bordure align-top">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {change.label}
                </th>
                <td className="py-1 pr-3">
                  <del className="text-erreur">{formatDiffValue(change.before, change.kind)}</del>
                </td>
                <td className="py-1">
                  <ins className="font-semibold text-succes no-underline">{formatDiffValue(change.after, change.kind)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(diff.partsAdded.length > 0 || diff.partsRemoved.length > 0) && (
        <div>
          <Heading className="font-semibold">Entités juridiques du dossier</Heading>
          <ul className="list-disc pl-6">
            {diff.partsAdded.map((part) => (
              <li key={`+${part.finess}`}>
                Ajoutée : {part.name} ({part.finess})
              </li>
            ))}
            {diff.partsRemoved.map((part) => (
              <li key={`-${part.finess}`}>
                Retirée : {part.name} ({part.finess})
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.documentsAdded.length > 0 && (
        <div>
          <Heading className="font-semibold">Documents ajoutés ({diff.documentsAdded.length})</Heading>
          <ul className="list-disc pl-6">
            {diff.documentsAdded.map((document) => (
              <li key={`+${document.id}`}>
                <DocumentLine document={document} nameOf={nameOf} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.documentsRemoved.length > 0 && (
        <div>
          <Heading className="font-semibold">Documents retirés ({diff.documentsRemoved.length})</Heading>
          <ul className="list-disc pl-6">
            {diff.documentsRemoved.map((document) => (
              <li key={`-${document.id}`}>
                <DocumentLine document={document} nameOf={nameOf} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.documentsRelinked.length > 0 && (
        <div>
          <Heading className="font-semibold">Documents rattachés à d&apos;autres EJ ({diff.documentsRelinked.length})</Heading>
          <ul className="list-disc pl-6">
            {diff.documentsRelinked.map(({ document, before, after }) => (
              <li key={`~${document.id}`}>
                {document.name} — avant : {before.map(nameOf).join(", ")} ; après : {after.map(nameOf).join(", ")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
