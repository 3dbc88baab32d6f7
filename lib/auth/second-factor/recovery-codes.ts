import { createHash, randomInt } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: codes are read from paper.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

function hashCode(code: string): string {
  return createHash("sha256").update(`recovery\n${normalizeRecoveryCode(code)}`, "utf8").digest("hex");
}

function newCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** New recovery codes for the account (the previous ones stop working); the codes are returned once, never stored. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashCode(code) })) });
  return codes;
}

/** Uses one recovery code of the account, once. */
export async function redeemRecoveryCode(tx: Tx, userId: string, code: string, at: Date): Promise<boolean> {
  if (normalizeRecoveryCode(code).length !== 12) return false;
  const { count } = await tx.recoveryCode.updateMany({ where: { userId, codeHash: hashCode(code), usedAt: null }, data: { usedAt: at } });
  return count === 1;
}
