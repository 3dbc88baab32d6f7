/**
 * Runs a command with DATABASE_URL set: the given server when DATABASE_URL is
 * already set, else the embedded PostgreSQL (data in .data/postgres), which is
 * stopped cleanly when the command ends or on Ctrl-C.
 *
 *   tsx scripts/with-database.ts prisma migrate dev
 */
import { spawn } from "node:child_process";
import { withDatabase } from "./database-runtime";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-database.ts <command> [args…]");
  process.exit(2);
}

await withDatabase(async (url) => {
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: url }, shell: false });
  return new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}).then((code) => process.exit(code));
