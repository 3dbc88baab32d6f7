import { auditSubject, recordAuditAlone } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Database } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { renderReceiptPdf } from "./receipt-pdf";
import { getDossierForUser } from "./service";
import type { DossierSnapshot } from "./snapshot";

/**
 * The récépissé of one transmission, for someone who may read the dossier:
 * rendered from that submission's immutable snapshot, the download audited.
 */
export async function receiptForUser(db: Database, user: CurrentUser, dossierId: string, sequence: string, at: Date): Promise<{ fileName: string; pdf: Uint8Array }> {
  const dossier = await getDossierForUser(db, user, dossierId);
  const number = /^[1-9][0-9]{0,8}$/.test(sequence) ? Number(sequence) : null;
  const submission = number === null ? null : await db.dossierSubmission.findUnique({ where: { dossierId_sequence: { dossierId: dossier.id, sequence: number } } });
  if (!submission) throw new NotFoundError(`submission ${sequence}`, "Cette transmission est introuvable.");
  const pdf = await renderReceiptPdf(submission.snapshot as unknown as DossierSnapshot);
  await recordAuditAlone(db, { at, actor: user, action: "dossier.receipt.download", subject: auditSubject.dossier(dossier.id), details: { sequence: submission.sequence } });
  return { fileName: `recepisse-${dossier.number}-${submission.sequence}.pdf`, pdf };
}
