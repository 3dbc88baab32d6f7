import { fr } from "@codegouvfr/react-dsfr";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { SnapshotDiff, SnapshotDocument } from "@/lib/instruction/snapshot-diff";
import { documentKindLabel, formatDiffValue, formatFileSize } from "./format";

function DocumentLine({ document, nameOf }: { document: SnapshotDocument; nameOf: (finess: string) => string }) {
  return (
    <>
      <a href={`/api/fichiers/${document.fileId}`} download className={fr.cx("fr-link")}>
        {document.name}
      </a>{" "}
      — {documentKindLabel(document.kind, document.objectiveCode)} ({formatFileSize(document.sizeBytes)} ; {document.legalEntities.map(nameOf).join(", ")}){" "}
      <span className={fr.cx("fr-text--xs")} title={`SHA-256 ${document.sha256}`}>
        SHA-256 <code>{document.sha256.slice(0, 12)}…</code>
      </span>
    </>
  );
}

const plural = (count: number, singular: string, pluralForm = `${singular}s`) => `${count} ${count > 1 ? pluralForm : singular}`;

/**
 * What changed between two submissions: fields (before → after) and documents
 * (compared by SHA-256, every copy counted). `heading` is the level of its
 * sub-headings, under the caller's heading.
 */
export function SnapshotDiffView({ diff, nameOf, heading: Heading = "h3" }: { diff: SnapshotDiff; nameOf: (finess: string) => string; heading?: "h3" | "h4" }) {
  if (diff.unchanged) {
    return (
      <p data-testid={`modifications-${diff.toSequence}`}>
        Aucune modification entre la transmission n° {diff.fromSequence} et la transmission n° {diff.toSequence} : mêmes réponses, mêmes documents.
      </p>
    );
  }
  const headingClass = fr.cx("fr-h6", "fr-mt-3w", "fr-mb-1w");
  return (
    <div data-testid={`modifications-${diff.toSequence}`}>
      {diff.fields.length > 0 && (
        <Table
          caption={`${plural(diff.fields.length, "champ modifié", "champs modifiés")} (transmission n° ${diff.fromSequence} → n° ${diff.toSequence})`}
          headers={["Champ", "Avant", "Après"]}
          data={diff.fields.map((change) => [
            change.label,
            <del key="avant">{formatDiffValue(change.before, change.kind)}</del>,
            <ins key="apres">
              <strong>{formatDiffValue(change.after, change.kind)}</strong>
            </ins>,
          ])}
        />
      )}
      {(diff.partsAdded.length > 0 || diff.partsRemoved.length > 0) && (
        <>
          <Heading className={headingClass}>Entités juridiques du dossier</Heading>
          <ul>
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
        </>
      )}
      {diff.documentsAdded.length > 0 && (
        <>
          <Heading className={headingClass}>Documents ajoutés ({diff.documentsAdded.length})</Heading>
          <ul>
            {diff.documentsAdded.map((document, index) => (
              <li key={`+${document.id}-${index}`}>
                <DocumentLine document={document} nameOf={nameOf} />
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.documentsRemoved.length > 0 && (
        <>
          <Heading className={headingClass}>Documents retirés ({diff.documentsRemoved.length})</Heading>
          <ul>
            {diff.documentsRemoved.map((document, index) => (
              <li key={`-${document.id}-${index}`}>
                <DocumentLine document={document} nameOf={nameOf} />
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.documentsRelinked.length > 0 && (
        <>
          <Heading className={headingClass}>Documents rattachés à d&apos;autres EJ ({diff.documentsRelinked.length})</Heading>
          <ul>
            {diff.documentsRelinked.map(({ document, before, after }, index) => (
              <li key={`~${document.id}-${index}`}>
                {document.name} — avant : {before.map(nameOf).join(", ")} ; après : {after.map(nameOf).join(", ")}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
