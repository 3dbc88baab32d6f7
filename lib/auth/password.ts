import bcrypt from "bcryptjs";

// bcrypt with cost 12: ~0.25 s per check on this hardware, which also slows guessing.
const COST = 12;

export async function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
