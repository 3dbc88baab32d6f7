/**
 * A real ClamAV daemon for the tests (Debian's clamav-daemon): its own directory, socket and
 * signature database — one signature of the EICAR test file, its bytes made hex by ClamAV's own
 * `sigtool`, since the public signature download cannot be reached here. Starts in about a second.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The EICAR anti-malware test file (not a virus: every antivirus recognises it by convention). */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
export const EICAR_SIGNATURE = "Guichet.Test.EICAR.UNOFFICIAL";

export interface TestClamd {
  socket: string;
  /** SIGSTOP / SIGCONT: a daemon that accepts nothing answers nothing (a scan that times out). */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
  /** Starts it again on the same socket (after stop). */
  restart(): Promise<void>;
}

function which(binary: string, candidates: string[]): string {
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`${binary} is missing: install Debian's clamav-daemon (scripts/ensure-clamav.sh)`);
  return found;
}

export async function startTestClamd(): Promise<TestClamd> {
  const clamd = which("clamd", ["/usr/sbin/clamd", "/usr/bin/clamd"]);
  const sigtool = which("sigtool", ["/usr/bin/sigtool"]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-clamd-"));
  fs.chmodSync(dir, 0o777);
  const db = path.join(dir, "db");
  fs.mkdirSync(db);
  // A body signature (.ndb: name, any file type, anywhere in it, the bytes in hex from sigtool), so that the
  // test file is found inside a PDF too — a hash signature would match the bare file only.
  const hex = execFileSync(sigtool, ["--hex-dump"], { input: EICAR, encoding: "utf8" }).trim();
  fs.writeFileSync(path.join(db, "guichet-test.ndb"), `Guichet.Test.EICAR:0:*:${hex}\n`);
  const socket = path.join(dir, "clamd.sock");
  const config = path.join(dir, "clamd.conf");
  fs.writeFileSync(
    config,
    [`LocalSocket ${socket}`, `DatabaseDirectory ${db}`, "Foreground yes", `LogFile ${path.join(dir, "clamd.log")}`, "StreamMaxLength 120M", "MaxFileSize 120M", "MaxScanSize 120M"].join("\n"),
  );
  let child: ChildProcess | null = null;
  const start = async () => {
    fs.rmSync(socket, { force: true });
    child = spawn(clamd, ["-c", config], { stdio: "ignore" });
    const deadline = Date.now() + 30_000;
    while (!fs.existsSync(socket)) {
      if (child.exitCode !== null) throw new Error(`clamd exited with ${child.exitCode} (see ${path.join(dir, "clamd.log")})`);
      if (Date.now() > deadline) throw new Error("clamd did not open its socket within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    running.kill("SIGCONT");
    running.kill("SIGTERM");
    await new Promise((resolve) => running.once("exit", resolve));
  };
  await start();
  return { socket, pause: () => child?.kill("SIGSTOP"), resume: () => child?.kill("SIGCONT"), stop, restart: start };
}
