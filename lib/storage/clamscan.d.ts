// The part of `clamscan` (kylefarris/clamscan, no types of its own) the portal uses: clamd over its socket.
declare module "clamscan" {
  import type { Readable } from "node:stream";

  interface ClamdScanOptions {
    socket?: string | false;
    host?: string | false;
    port?: number | false;
    timeout?: number;
    localFallback?: boolean;
    active?: boolean;
    bypassTest?: boolean;
  }

  interface NodeClamOptions {
    removeInfected?: boolean;
    quarantineInfected?: boolean;
    debugMode?: boolean;
    clamscan?: { active?: boolean };
    clamdscan?: ClamdScanOptions;
    preference?: "clamdscan" | "clamscan";
  }

  export default class NodeClam {
    init(options: NodeClamOptions): Promise<NodeClam>;
    scanStream(stream: Readable): Promise<{ isInfected: boolean | null; viruses: string[] }>;
  }
}
