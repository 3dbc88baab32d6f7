import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Seals the TOTP secrets at rest (AES-256-GCM): a copy of the database alone does not give the
 * codes. The key is GUICHET_SECOND_FACTOR_KEY, else derived from NEXTAUTH_SECRET (always set by the
 * portal's start script); the tests have their own.
 */
function key(env: Readonly<Record<string, string | undefined>> = process.env): Buffer {
  const material = env.GUICHET_SECOND_FACTOR_KEY || env.NEXTAUTH_SECRET || (env.VITEST ? "clé de test du second facteur" : undefined);
  if (!material) throw new Error("GUICHET_SECOND_FACTOR_KEY (or NEXTAUTH_SECRET) must be set to keep second factors");
  return createHash("sha256").update(`guichet-second-factor\n${material}`, "utf8").digest();
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function open(sealed: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) throw new Error("not a sealed second-factor secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
