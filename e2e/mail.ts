import { readFileSync } from "node:fs";

import { expect } from "@playwright/test";

// The mail the main test server sent, as its SMTP peer caught it
// (scripts/e2e-server.ts writes one JSON line per message).

/** `messageId` lets a spec answer a mail as a mail client would (In-Reply-To). */
export type CaughtMail = { to: string[]; subject: string; text: string; messageId?: string };

export function caughtMail(): CaughtMail[] {
  return readFileSync("e2e/.state/main-mail.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CaughtMail);
}

/** Waits (the outbox worker sends every few seconds) for the `nth` mail to `to` matching `subject`, counting from 1. */
export async function waitForMail(to: string, subject: RegExp, nth = 1): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      () => {
        found = caughtMail().filter((m) => m.to.includes(to) && subject.test(m.subject))[nth - 1];
        return !!found;
      },
      { timeout: 45_000, message: `mail ${nth} to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found!;
}
