import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { documentKindLabel, formatFileSize } from "./format";

type SnapshotDocument = DossierSnapshot["documents"][number];

const PDF = "application/pdf";

/**
 * Transmitted documents: download (attachment), and for a PDF a preview in the
 * page (an iframe loaded only when the disclosure is opened) or in a new tab.
 * Every byte goes through the authorised route /api/fichiers/<id>.
 */
export function DocumentList({ documents, nameOf }: { documents: SnapshotDocument[]; nameOf?: (finess: string) => string }) {
  if (documents.length === 0) return <p className="text-sm">Aucun document transmis.</p>;
  return (
    <ul className="space-y-3">
      {documents.map((document) => {
        const href = `/api/fichiers/${document.fileId}`;
        const label = documentKindLabel(document.kind, document.objectiveCode);
        return (
          <li key={document.id} className="border-l-4 border-bleu-clair pl-3">
            <p className="text-sm font-semibold">{label}</p>
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <a href={href} download>
                {document.name}
                <span className="sr-only"> — télécharger ({label})</span>
              </a>
              <span className="text-sm">({formatFileSize(document.sizeBytes)})</span>
              {document.mediaType === PDF && (
                <a href={`${href}?apercu=1`} target="_blank" rel="noopener">
                  Ouvrir dans un nouvel onglet<span className="sr-only"> : {document.name}</span>
                </a>
              )}
              <span className="font-mono text-xs" title={`SHA-256 ${document.sha256}`}>
                SHA-256 {document.sha256.slice(0, 12)}…
              </span>
            </p>
            {nameOf && document.legalEntities.length > 1 && <p className="text-xs">Document commun à : {document.legalEntities.map(nameOf).join(", ")}</p>}
            {document.mediaType === PDF && (
              <details className="mt-1">
                <summary className="cursor-pointer text-sm text-bleu-france underline">Aperçu dans la page</summary>
                <iframe src={`${href}?apercu=1`} title={`Aperçu de ${document.name}`} loading="lazy" className="mt-2 h-[36rem] w-full border border-gris-bordure" />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
