/**
 * The SMTP transport of the outbox dispatcher, configured from the environment:
 *
 * - GUICHET_SMTP_URL, e.g. `smtp://user:pass@smtp.example.org:587` (or `smtps://…:465`);
 * - or GUICHET_SMTP_HOST with GUICHET_SMTP_PORT (default 587, 465 when secure),
 *   GUICHET_SMTP_USER, GUICHET_SMTP_PASSWORD and GUICHET_SMTP_SECURE (`true` for TLS from the start);
 * - GUICHET_MAIL_FROM, the sender (default `"Guichet HospiConnect" <ne-pas-repondre@guichet-hospiconnect.local>`).
 *
 * Without either, there is no transport: e-mails stay in the outbox, readable
 * in the admin mailbox (/admin/courriels), and nothing needs an SMTP server.
 */
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { MailTransport } from "./dispatcher";
import { SENDER_NAME } from "./templates";

/** The environment variables read here (process.env, or a plain object in tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_MAIL_FROM = `"${SENDER_NAME}" <ne-pas-repondre@guichet-hospiconnect.local>`;

export interface SmtpSettings {
  options: SMTPTransport.Options;
  from: string;
  /** Host and port, without credentials: what the admin page may show. */
  description: string;
}

// Short timeouts: a send must finish well within the dispatcher's claim (10 min).
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 } as const;

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function isTrue(value: string | undefined): boolean {
  return isSet(value) && ["1", "true", "yes", "oui"].includes(value.trim().toLowerCase());
}

/** The SMTP settings of the environment, or null when none is configured. */
export function smtpSettingsFromEnv(env: Environment = process.env): SmtpSettings | null {
  const from = isSet(env.GUICHET_MAIL_FROM) ? env.GUICHET_MAIL_FROM.trim() : DEFAULT_MAIL_FROM;
  if (isSet(env.GUICHET_SMTP_URL)) {
    const url = env.GUICHET_SMTP_URL.trim();
    let description = "serveur SMTP";
    try {
      const parsed = new URL(url);
      description = `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}`;
    } catch {
      throw new Error("GUICHET_SMTP_URL is not a URL (expected smtp://user:password@host:port)");
    }
    return { options: { url, ...TIMEOUTS }, from, description };
  }
  if (isSet(env.GUICHET_SMTP_HOST)) {
    const host = env.GUICHET_SMTP_HOST.trim();
    const explicitPort = isSet(env.GUICHET_SMTP_PORT) ? Number(env.GUICHET_SMTP_PORT) : null;
    // TLS from the start when asked, else only on the implicit-TLS port 465 (587 and 25 upgrade with STARTTLS).
    const secure = isSet(env.GUICHET_SMTP_SECURE) ? isTrue(env.GUICHET_SMTP_SECURE) : explicitPort === 465;
    const port = explicitPort ?? (secure ? 465 : 587);
    if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`GUICHET_SMTP_PORT is not a port: ${env.GUICHET_SMTP_PORT}`);
    const auth = isSet(env.GUICHET_SMTP_USER) ? { user: env.GUICHET_SMTP_USER, pass: env.GUICHET_SMTP_PASSWORD ?? "" } : undefined;
    return { options: { host, port, secure, auth, ...TIMEOUTS }, from, description: `${host}:${port}` };
  }
  return null;
}

export function isSmtpConfigured(env: Environment = process.env): boolean {
  return smtpSettingsFromEnv(env) !== null;
}

export interface SmtpMailTransport extends MailTransport {
  readonly from: string;
  readonly description: string;
  close(): void;
}

/** A nodemailer transport sending as GUICHET_MAIL_FROM, or null when no SMTP server is configured. */
export function createSmtpTransport(env: Environment = process.env): SmtpMailTransport | null {
  const settings = smtpSettingsFromEnv(env);
  if (!settings) return null;
  const transporter = nodemailer.createTransport(settings.options, { from: settings.from });
  return {
    from: settings.from,
    description: settings.description,
    sendMail: (message) => transporter.sendMail(message),
    close: () => transporter.close(),
  };
}
