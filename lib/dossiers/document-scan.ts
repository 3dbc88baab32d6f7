import type { DossierRow } from "./dossier-view";
import type { FieldErrors } from "./submission-rules";

/**
 * Issue 14: a dossier is not transmitted with a file ClamAV has not found clean yet (still being
 * scanned) nor, of course, with an infected one — whatever its kind. NOT_SCANNED (no antivirus
 * configured) does not block: the portal says so instead of pretending.
 */
export function documentScanErrors(row: Pick<DossierRow, "documents">): FieldErrors {
  const messages = row.documents.flatMap(({ file }) => {
    if (file.scanStatus === "PENDING") return [`Le fichier « ${file.originalName} » est en cours d'analyse antivirus : attendez qu'il soit trouvé sain (quelques instants) pour transmettre.`];
    if (file.scanStatus === "INFECTED") return [`Le fichier « ${file.originalName} » contient un virus : retirez-le et déposez un fichier sain.`];
    return [];
  });
  return messages.length > 0 ? { documents: messages } : {};
}
