import type { FileScanStatus } from "@/lib/generated/prisma/enums";

/** ClamAV's verdicts as the pages say them (no server import: client components use it). */
export const SCAN_STATUS_LABELS: Record<FileScanStatus, string> = {
  NOT_SCANNED: "non analysé",
  PENDING: "en cours d'analyse",
  CLEAN: "sain",
  INFECTED: "infecté",
};
