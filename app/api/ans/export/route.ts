/**
 * GET /api/ans/export?format=csv|xlsx&<the queue's filters>: the export of the ANS's
 * national queue (/ans/dossiers). One implementation with the ARS's, which scopes the
 * rows to the signed-in instructor (app/api/ars/export/route.ts).
 */
export { GET } from "@/app/api/ars/export/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
