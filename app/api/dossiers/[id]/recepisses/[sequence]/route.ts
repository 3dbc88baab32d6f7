import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { renderReceiptPdf } from "@/lib/dossiers/receipt-pdf";
import { getDossierForUser } from "@/lib/dossiers/service";
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";

export const runtime = "nodejs";

/** The récépissé (PDF) of one submission, for those who may read the dossier. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; sequence: string }> }) {
  const { id, sequence } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "Connectez-vous pour télécharger ce récépissé." }, { status: 401 });
  const db = getDb();
  try {
    const dossier = await getDossierForUser(db, user, id);
    const submission = await db.dossierSubmission.findUnique({ where: { dossierId_sequence: { dossierId: dossier.id, sequence: Number(sequence) || 0 } } });
    if (!submission) throw new NotFoundError(`submission ${sequence}`, "Cette transmission est introuvable.");
    const pdf = await renderReceiptPdf(submission.snapshot as unknown as DossierSnapshot);
    await db.auditEvent.create({ data: { actorId: user.id, actorRole: user.role, action: "dossier.receipt.download", subject: dossier.id, details: { sequence: submission.sequence } } });
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="recepisse-${dossier.number}-${submission.sequence}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ message: error.userMessage }, { status: 403 });
    if (error instanceof NotFoundError) return Response.json({ message: error.userMessage }, { status: 404 });
    if (error instanceof DomainError) return Response.json({ message: error.userMessage }, { status: 400 });
    throw error;
  }
}
