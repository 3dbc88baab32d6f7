import NodeClam from "clamscan";
import type { Readable } from "node:stream";

/**
 * ClamAV's clamd over its socket (issue 14), through the `clamscan` client: GUICHET_CLAMD_SOCKET
 * (a Unix socket) or GUICHET_CLAMD_HOST + GUICHET_CLAMD_PORT. Without either, no antivirus is
 * configured and files say « non analysé », honestly. In production freshclam keeps the
 * signatures up to date as usual.
 */
export type ScanVerdict = { outcome: "clean" } | { outcome: "infected"; signature: string } | { outcome: "unavailable"; reason: string };

export interface Antivirus {
  readonly description: string;
  scan(stream: Readable): Promise<ScanVerdict>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function antivirusFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Antivirus | null {
  const socket = env.GUICHET_CLAMD_SOCKET?.trim();
  const host = env.GUICHET_CLAMD_HOST?.trim();
  if (!socket && !host) return null;
  const timeout = Number(env.GUICHET_CLAMD_TIMEOUT_MS) > 0 ? Number(env.GUICHET_CLAMD_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  return clamdAntivirus(socket ? { socket, timeout } : { host: host!, port: Number(env.GUICHET_CLAMD_PORT) || 3310, timeout });
}

export function clamdAntivirus(where: { socket: string; timeout: number } | { host: string; port: number; timeout: number }): Antivirus {
  return {
    description: "socket" in where ? `clamd (${where.socket})` : `clamd (${where.host}:${where.port})`,
    async scan(stream) {
      // clamscan's own timeout does not cover a daemon that accepts and never answers: bound the whole scan.
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<ScanVerdict>((resolve) => {
        timer = setTimeout(() => resolve({ outcome: "unavailable", reason: `no answer within ${where.timeout} ms` }), where.timeout);
      });
      try {
        const verdict = await Promise.race([scanWith(where, stream), timedOut]);
        if (verdict.outcome === "unavailable") stream.destroy();
        return verdict;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function scanWith(where: { socket: string; timeout: number } | { host: string; port: number; timeout: number }, stream: Readable): Promise<ScanVerdict> {
  try {
    const clam = await new NodeClam().init({
      removeInfected: false,
      quarantineInfected: false,
      clamscan: { active: false },
      clamdscan: { ...("socket" in where ? { socket: where.socket, host: false, port: false } : { socket: false, host: where.host, port: where.port }), timeout: where.timeout, localFallback: false, active: true },
      preference: "clamdscan",
    });
    const result = await clam.scanStream(stream);
    if (result.isInfected) return { outcome: "infected", signature: result.viruses.join(", ") || "signature inconnue" };
    if (result.isInfected === false) return { outcome: "clean" };
    return { outcome: "unavailable", reason: "clamd gave no verdict" };
  } catch (error) {
    return { outcome: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
}
