import { fr } from "@codegouvfr/react-dsfr";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { ScanStatusBadge } from "@/components/dossiers/scan-status-badge";
import { documentKindLabel, formatFileSize } from "./format";

/** A transmitted document; `label`, when given, replaces the label of its kind (an AAP document names its subject). */
type SnapshotDocument = DossierSnapshot["documents"][number] & { label?: string };

const PDF = "application/pdf";

/**
 * Transmitted documents: download (attachment), and for a PDF a preview in the
 * page (an iframe loaded only when the disclosure is opened) or in a new tab.
 * Every byte goes through the authorised route /api/fichiers/<id>.
 */
export function DocumentList({ documents, nameOf }: { documents: SnapshotDocument[]; nameOf?: (finess: string) => string }) {
  if (documents.length === 0) return <p>Aucun document transmis.</p>;
  return (
    <ul>
      {documents.map((document) => {
        const href = `/api/fichiers/${document.fileId}`;
        const label = document.label ?? documentKindLabel(document.kind, document.objectiveCode);
        return (
          <li key={document.id} className={fr.cx("fr-mb-2w")}>
            <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>{label}</p>
            <p className={`${fr.cx("fr-mb-1v")} flex flex-wrap items-baseline gap-x-4 gap-y-1`}>
              <a href={href} download className={fr.cx("fr-link", "fr-link--download")}>
                {document.name}
                <span className={fr.cx("fr-link__detail")}>{formatFileSize(document.sizeBytes)}</span>
                <span className={fr.cx("fr-sr-only")}> — télécharger ({label})</span>
              </a>
              {document.mediaType === PDF && (
                <a href={`${href}?apercu=1`} target="_blank" rel="noopener" className={fr.cx("fr-link")}>
                  Ouvrir dans un nouvel onglet<span className={fr.cx("fr-sr-only")}> : {document.name}</span>
                </a>
              )}
              <span className={fr.cx("fr-text--xs", "fr-mb-0")} title={`SHA-256 ${document.sha256}`}>
                SHA-256 <code>{document.sha256.slice(0, 12)}…</code>
              </span>
              {document.scanStatus && <ScanStatusBadge status={document.scanStatus} />}
            </p>
            {nameOf && document.legalEntities.length > 1 && <p className={fr.cx("fr-text--xs", "fr-mb-1v")}>Document commun à : {document.legalEntities.map(nameOf).join(", ")}</p>}
            {document.mediaType === PDF && (
              <details>
                <summary className={fr.cx("fr-link")}>Aperçu dans la page</summary>
                <iframe src={`${href}?apercu=1`} title={`Aperçu de ${document.name}`} loading="lazy" className={`${fr.cx("fr-mt-2w")} w-full`} style={{ height: "36rem" }} />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
