import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { FileScanStatus } from "@/lib/generated/prisma/enums";
import { SCAN_STATUS_LABELS } from "@/lib/storage/scan-status-labels";

const SEVERITY = { CLEAN: "success", PENDING: "info", INFECTED: "error", NOT_SCANNED: undefined } as const;

/** What ClamAV said of a file (issue 14), said the same way to the uploader and to the instructor. */
export function ScanStatusBadge({ status }: { status: FileScanStatus }) {
  return (
    <Badge as="span" small noIcon={status === "NOT_SCANNED"} severity={SEVERITY[status]}>
      Antivirus : {SCAN_STATUS_LABELS[status]}
    </Badge>
  );
}
