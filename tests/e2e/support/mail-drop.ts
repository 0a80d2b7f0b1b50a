import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

/** The folder scripts/e2e-server.ts gives the app for account mail (E2E_MAIL_DIR when testing a server you run). */
export function mailDropDir(): string {
  return path.resolve(process.env.E2E_MAIL_DIR ?? `.data/e2e/mail-${process.env.E2E_PORT ?? 3100}`);
}

/** Waits for the newest .eml addressed to `to` and returns its text. */
export async function waitForMail(to: string, options: { notIn?: string[] } = {}): Promise<{ file: string; text: string }> {
  let found: { file: string; text: string } | undefined;
  await expect
    .poll(
      () => {
        let files: string[] = [];
        try {
          files = readdirSync(mailDropDir()).filter((name) => name.endsWith(".eml") && !options.notIn?.includes(name));
        } catch {
          return false;
        }
        const mails = files.sort().map((file) => ({ file, text: readFileSync(path.join(mailDropDir(), file), "utf8") }));
        found = mails.reverse().find((mail) => mail.text.includes(`\r\nTo: ${to}\r\n`));
        return Boolean(found);
      },
      { message: `a mail to ${to} in ${mailDropDir()}`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/** The password-reset link in a mail, as a path on the app under test. */
export function resetPathFrom(mailText: string): string {
  const match = /https?:\/\/[^\s]+(\/reset-password\?token=[\w%-]+)/.exec(mailText);
  expect(match, mailText).not.toBeNull();
  return match![1]!;
}
