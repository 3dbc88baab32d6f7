/**
 * Tokens of the API of the ARS and DNS information systems (issue 14 §7).
 *
 * A token is created by a DNS admin for one region (it then reads what that region's ARS reads) or
 * nationally; it is read-only, expires at the end of a Paris day at most a year ahead, and can be
 * revoked. It is shown in clear once, at creation: only its SHA-256 is stored, so a copy of the
 * database gives no usable token.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCalendarDate, daysBetween, parisDate, type CalendarDate } from "@/lib/clock/paris-date";
import type { Database } from "@/lib/db/client";
import type { ApiScope } from "@/lib/dossiers/policy";
import { ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ApiToken } from "@/lib/generated/prisma/client";
import { auditApi } from "./audit-call";

export const API_TOKEN_PREFIX = "ghc_";
/** 32 random bytes in base64url: 43 characters. */
const TOKEN_FORMAT = /^ghc_[A-Za-z0-9_-]{43}$/;
/** A token lives at most this many days (the DNS renews it). */
export const MAX_TOKEN_DAYS = 366;
/** lastUsedAt is written at most once a minute per token: not one UPDATE per call. */
const LAST_USED_PRECISION_MS = 60_000;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(3, "Le nom doit comporter au moins 3 caractères.").max(100, "Le nom comporte au plus 100 caractères."),
  /** A region code, or null for a national token. */
  regionCode: z.string().regex(/^\d{2}$/, "Choisissez une région.").nullable(),
  /** The last Paris day on which the token works (YYYY-MM-DD). */
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Indiquez une date d'expiration."),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function scopeOf(token: Pick<ApiToken, "regionCode">): ApiScope {
  return token.regionCode === null ? { kind: "national" } : { kind: "region", regionCode: token.regionCode };
}

function assertDnsAdmin(user: CurrentUser): void {
  if (user.role !== "DNS_ADMIN") throw new ForbiddenError(`Role ${user.role} may not manage API tokens`);
}

/** The first instant after the Paris day `date` (its next midnight, Paris time), found among Paris's two offsets. */
export function endOfParisDay(date: CalendarDate): Date {
  assertCalendarDate(date);
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const offset of ["+01:00", "+02:00"]) {
    const midnight = new Date(`${next}T00:00:00${offset}`);
    if (parisDate(midnight) === next && parisDate(new Date(midnight.getTime() - 1)) === date) return midnight;
  }
  throw new RangeError(`No Paris midnight after ${date}`);
}

export interface CreatedApiToken {
  token: ApiToken;
  /** The token in clear: shown once, never stored. */
  secret: string;
}

/**
 * A new token (DNS admins only): `ghc_` and 32 random bytes, of which only the SHA-256 is kept.
 * It works until the end of the Paris day `expiresOn`, which must be today or later and at most a
 * year ahead (real time: a token's life is not the programme's simulated clock's business).
 */
export async function createApiToken(db: Database, admin: CurrentUser, input: CreateApiTokenInput, at: Date = new Date()): Promise<CreatedApiToken> {
  assertDnsAdmin(admin);
  const { name, regionCode, expiresOn } = createApiTokenSchema.parse(input);
  const today = parisDate(at);
  const expiresError = validExpiry(expiresOn, today);
  if (expiresError) throw new ValidationError({ expiresOn: [expiresError] });
  if (regionCode !== null && !(await db.region.findUnique({ where: { code: regionCode }, select: { code: true } }))) {
    throw new ValidationError({ regionCode: ["Cette région est inconnue."] });
  }
  const secret = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const token = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { name, regionCode, tokenHash: hashApiToken(secret), createdById: admin.id, expiresAt: endOfParisDay(expiresOn) } });
    await auditApi(tx, {
      action: "api.token.created",
      actor: { id: admin.id, role: admin.role },
      tokenId: created.id,
      details: { name, scope: regionCode ?? "national", expiresOn },
    });
    return created;
  });
  return { token, secret };
}

function validExpiry(expiresOn: string, today: CalendarDate): string | null {
  try {
    assertCalendarDate(expiresOn);
  } catch {
    return "Cette date n'existe pas.";
  }
  if (expiresOn < today) return "La date d'expiration est passée.";
  if (daysBetween(today, expiresOn) > MAX_TOKEN_DAYS - 1) return "Un jeton expire au plus tard un an après sa création.";
  return null;
}

/** Revokes a token at once (DNS admins only); its next call is refused. Revoking twice is refused. */
export async function revokeApiToken(db: Database, admin: CurrentUser, tokenId: string, at: Date = new Date()): Promise<void> {
  assertDnsAdmin(admin);
  await db.$transaction(async (tx) => {
    // Conditional update: two admins revoking at once, only one succeeds.
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: at, revokedById: admin.id } });
    if (count === 0) {
      const exists = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true } });
      if (!exists) throw new NotFoundError(`No API token ${tokenId}`, "Ce jeton est introuvable.");
      throw new InvalidStateError("Ce jeton est déjà révoqué.");
    }
    await auditApi(tx, { action: "api.token.revoked", actor: { id: admin.id, role: admin.role }, tokenId, details: {} });
  });
}

export type ApiTokenStatus = "active" | "expired" | "revoked";

export interface ApiTokenRow {
  id: string;
  name: string;
  regionCode: string | null;
  regionName: string | null;
  createdAt: Date;
  createdByName: string;
  expiresAt: Date;
  /** The last Paris day the token works. */
  expiresOn: CalendarDate;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: ApiTokenStatus;
}

export function tokenStatus(token: Pick<ApiToken, "revokedAt" | "expiresAt">, at: Date): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt.getTime() <= at.getTime()) return "expired";
  return "active";
}

/** Every token, newest first (DNS admins only). Never the hash. */
export async function listApiTokens(db: Database, admin: CurrentUser, at: Date = new Date()): Promise<ApiTokenRow[]> {
  assertDnsAdmin(admin);
  const tokens = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, regionCode: true, region: { select: { name: true } }, createdAt: true, createdBy: { select: { name: true } }, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  return tokens.map((token) => ({
    id: token.id,
    name: token.name,
    regionCode: token.regionCode,
    regionName: token.region?.name ?? null,
    createdAt: token.createdAt,
    createdByName: token.createdBy.name,
    expiresAt: token.expiresAt,
    expiresOn: parisDate(new Date(token.expiresAt.getTime() - 1)),
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
    status: tokenStatus(token, at),
  }));
}

/** Why a request is refused before any data is read: each is a 401 with its French detail. */
export type TokenRefusal = "missing" | "malformed" | "unknown" | "revoked" | "expired";

export const TOKEN_REFUSAL_DETAILS: Record<TokenRefusal, string> = {
  missing: "Aucun jeton fourni : ajoutez l'en-tête « Authorization: Bearer <jeton> ».",
  malformed: "L'en-tête Authorization doit être de la forme « Bearer ghc_… » avec un jeton de l'API du Guichet HospiConnect.",
  unknown: "Ce jeton n'est pas reconnu.",
  revoked: "Ce jeton a été révoqué par la DNS : demandez-en un nouveau.",
  expired: "Ce jeton a expiré : demandez-en un nouveau à la DNS.",
};

export type Authentication = { ok: true; token: ApiToken; scope: ApiScope } | { ok: false; refusal: TokenRefusal; tokenId: string | null };

/**
 * Who calls: the token of an `Authorization: Bearer ghc_…` header, looked up by its SHA-256.
 * No constant-time comparison is needed: the secret is never compared, only its hash is looked up
 * in a unique index, and timing a B-tree look-up of a SHA-256 tells an attacker nothing about the
 * secret (finding a token whose hash shares a prefix with a stored one is a preimage attack).
 */
export async function authenticateApiRequest(db: Database, authorization: string | null, at: Date = new Date()): Promise<Authentication> {
  if (!authorization?.trim()) return { ok: false, refusal: "missing", tokenId: null };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization.trim());
  const secret = match?.[1];
  if (!secret || !TOKEN_FORMAT.test(secret)) return { ok: false, refusal: "malformed", tokenId: null };
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(secret) } });
  if (!token) return { ok: false, refusal: "unknown", tokenId: null };
  const status = tokenStatus(token, at);
  if (status !== "active") return { ok: false, refusal: status, tokenId: token.id };
  if (!token.lastUsedAt || at.getTime() - token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: at } });
  }
  return { ok: true, token, scope: scopeOf(token) };
}
