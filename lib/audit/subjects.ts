/**
 * What an audit row is about, as `<kind>:<id>`: the DNS reads the audit of one subject
 * (lib/audit/read.ts). One spelling per kind, so that every row of an account, an EJ or a
 * dossier is found under the same subject whichever module wrote it.
 */
export const auditSubject = {
  user: (id: string) => `user:${id}` as const,
  /** An e-mail address that names no account (sign-in or password reset with an unknown address). */
  email: (address: string) => `email:${address}` as const,
  /** A federated identity with no account yet. */
  sso: (provider: string, subject: string) => `sso:${provider}:${subject}` as const,
  dossier: (id: string) => `dossier:${id}` as const,
  legalEntity: (finess: string) => `legal-entity:${finess}` as const,
  guichet: (id: string) => `guichet:${id}` as const,
  accountRequest: (id: string) => `account-request:${id}` as const,
  selfAssessment: (id: string) => `self-assessment:${id}` as const,
  file: (id: string) => `file:${id}` as const,
  region: (code: string) => `region:${code}` as const,
  /** A token of the information systems' API (lib/api), or "api-token:none" for a call without a valid one. */
  apiToken: (id: string | null) => `api-token:${id ?? "none"}` as const,
  national: "national",
  demoClock: "demo-clock",
  auditChain: "audit-chain",
} as const;

export const AUDIT_SUBJECT_KINDS = ["user", "email", "sso", "dossier", "legal-entity", "guichet", "account-request", "self-assessment", "file", "region", "api-token"] as const;
export type AuditSubjectKind = (typeof AUDIT_SUBJECT_KINDS)[number];

export type AuditSubject = `${AuditSubjectKind}:${string}` | typeof auditSubject.national | typeof auditSubject.demoClock | typeof auditSubject.auditChain;

/** A subject typed in a URL (`?sujet=dossier:…`), checked: null when it is not one the audit writes. */
export function parseAuditSubject(raw: string): AuditSubject | null {
  const value = raw.trim();
  if (value === auditSubject.national || value === auditSubject.demoClock || value === auditSubject.auditChain) return value;
  const colon = value.indexOf(":");
  if (colon <= 0 || colon === value.length - 1 || value.length > 300) return null;
  const kind = value.slice(0, colon);
  return (AUDIT_SUBJECT_KINDS as readonly string[]).includes(kind) ? (value as AuditSubject) : null;
}
