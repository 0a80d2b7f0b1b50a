import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The mail drop: without SMTP, account mail is also written as one .eml file per message (like Django's
 * file e-mail backend), so whoever runs the app can open a password-reset link. Plain UTF-8 text, 8bit.
 */

export type DroppedMail = { from: string; to: string; subject: string; body: string; date: Date; id: string };

const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

/** RFC 2047 for non-ASCII header text (Finnish and Swedish subjects). */
function encodeHeader(value: string): string {
  const clean = oneLine(value);
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, "utf8").toString("base64")}?=`;
}

export function formatEml(mail: DroppedMail): string {
  const headers = [
    `From: ${encodeHeader(mail.from)}`,
    `To: ${oneLine(mail.to)}`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${mail.date.toUTCString()}`,
    `Message-ID: <${oneLine(mail.id)}@needscape.local>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${mail.body.replace(/\r?\n/g, "\r\n")}\r\n`;
}

/** Writes the message into `dir` (created if missing); returns the file's path. */
export function writeMailDrop(dir: string, mail: DroppedMail): string {
  mkdirSync(dir, { recursive: true });
  const stamp = mail.date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const file = path.join(dir, `${stamp}-${randomBytes(4).toString("hex")}.eml`);
  writeFileSync(file, formatEml(mail), { mode: 0o600 });
  return file;
}
