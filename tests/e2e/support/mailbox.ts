import fs from "node:fs";
import { expect } from "@playwright/test";

export interface ReceivedMail {
  to: string[];
  subject: string;
}

/** What the test SMTP server has received so far. */
export function receivedMails(): ReceivedMail[] {
  const file = process.env.E2E_MAILBOX;
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);
}

/** Waits until an e-mail whose subject contains `subject` reached `to` (the dispatcher runs every second). */
export async function expectMail(to: string, subject: string | RegExp) {
  await expect
    .poll(() => receivedMails().some((mail) => mail.to.includes(to) && (typeof subject === "string" ? mail.subject.includes(subject) : subject.test(mail.subject))), {
      message: `e-mail « ${String(subject)} » to ${to}`,
      timeout: 20_000,
    })
    .toBe(true);
}
