import { randomUUID } from "node:crypto";
import { getCurrentUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { receiptForUser } from "@/lib/dossiers/receipt";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { withRequestLog } from "@/lib/log/route-log";
import { logError } from "@/lib/log/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The récépissé (PDF) of one submission, for those who may read the dossier. */
async function handleGet(_request: Request, { params }: { params: Promise<{ id: string; sequence: string }> }) {
  const { id, sequence } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "Connectez-vous pour télécharger ce récépissé." }, { status: 401 });
  try {
    const { fileName, pdf } = await receiptForUser(getDb(), user, id, sequence, now());
    return new Response(Buffer.from(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ message: error.userMessage }, { status: 403 });
    if (error instanceof NotFoundError) return Response.json({ message: error.userMessage }, { status: 404 });
    if (error instanceof DomainError) return Response.json({ message: error.userMessage }, { status: 400 });
    const reference = randomUUID().slice(0, 8);
    logError("receipt", error, { reference, userId: user.id, dossierId: id, sequence });
    return Response.json({ message: `Le récépissé n'a pas pu être produit (référence ${reference}). Réessayez dans quelques minutes.` }, { status: 500 });
  }
}

export const GET = withRequestLog(handleGet);
