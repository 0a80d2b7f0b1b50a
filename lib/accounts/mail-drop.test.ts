import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatEml, writeMailDrop } from "./mail-drop";

const mail = {
  from: "Needscape <no-reply@needscape.local>",
  to: "aino@example.com",
  subject: "Återställ ditt lösenord till Needscape",
  body: "Hei Aino,\n\nhttps://needscape.example/reset-password?token=abc\n",
  date: new Date("2026-03-02T08:00:00Z"),
  id: "7f1c",
};

describe("the mail drop", () => {
  it("writes a plain-text RFC 5322 message with UTF-8 subjects encoded and the body unwrapped", () => {
    const eml = formatEml(mail);
    expect(eml).toContain("To: aino@example.com\r\n");
    expect(eml).toContain(`Subject: =?UTF-8?B?${Buffer.from(mail.subject).toString("base64")}?=\r\n`);
    expect(eml).toContain("Date: Mon, 02 Mar 2026 08:00:00 GMT\r\n");
    expect(eml).toContain("Content-Type: text/plain; charset=utf-8\r\n");
    expect(eml.slice(eml.indexOf("\r\n\r\n") + 4)).toBe("Hei Aino,\r\n\r\nhttps://needscape.example/reset-password?token=abc\r\n\r\n");
  });

  it("keeps header values on one line, so nothing can inject a header", () => {
    const eml = formatEml({ ...mail, to: "a@example.com\r\nBcc: evil@example.com", subject: "Hi\nBcc: evil@example.com" });
    expect(eml).not.toMatch(/^Bcc:/m);
  });

  it("writes one .eml file per message into the folder", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "mail-")), "nested");
    const file = writeMailDrop(dir, mail);
    expect(readdirSync(dir)).toEqual([path.basename(file)]);
    expect(file).toMatch(/20260302T080000Z-[0-9a-f]{8}\.eml$/);
    expect(readFileSync(file, "utf8")).toBe(formatEml(mail));
  });
});
