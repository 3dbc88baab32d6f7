/**
 * A real SMTP server for the tests (the `smtp-server` package on 127.0.0.1):
 * it records what it receives, and can be stopped, restarted on the same port,
 * or made to answer 451. Used by the dispatcher tests and the browser tests' server.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  envelopeTo: string[];
  from: string;
  subject: string;
  outboxId: string;
}

/** RFC 2047 encoded words (nodemailer encodes the French subjects), whitespace between adjacent words dropped. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=(?:\s+(?==\?))?/g, (_match, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_hex, code: string) => String.fromCharCode(Number.parseInt(code, 16))), "latin1").toString("utf8"),
  );
}

export function header(raw: string, name: string): string {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? "").replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return decodeWords(line?.slice(name.length + 1).trim() ?? "");
}

/** A real SMTP server that records what it receives; it can be stopped, restarted on the same port, or made to answer 451. */
export class TestSmtpServer {
  received: ReceivedMail[] = [];
  /** Called with each message once accepted. */
  onReceived: ((mail: ReceivedMail) => void) | null = null;
  mode: "accept" | "reject-451" = "accept";
  /** Time taken to accept each message, so concurrent dispatchers really overlap. */
  delayMs = 0;
  port = 0;
  private server: SMTPServer | null = null;

  get running(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 1_000,
      onRcptTo: (_address, _session, callback) => {
        if (this.mode === "reject-451") {
          callback(Object.assign(new Error("4.3.0 Mailbox temporarily unavailable, try again later"), { responseCode: 451 }));
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          setTimeout(() => {
            const mail = {
              envelopeTo: session.envelope.rcptTo.map((address) => address.address),
              from: header(raw, "From"),
              subject: header(raw, "Subject"),
              outboxId: header(raw, "X-Guichet-Outbox-Id"),
            };
            this.received.push(mail);
            this.onReceived?.(mail);
            callback();
          }, this.delayMs);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

