import nodemailer from "nodemailer";
import { smtpSettings } from "@/lib/env";

export type OutgoingMail = { to: string; subject: string; body: string };
export type MailTransport = { send: (mail: OutgoingMail) => Promise<void> };

/** SMTP when SMTP_HOST and SMTP_FROM are set; otherwise undefined and messages stay in the outbox page. */
export function smtpTransport(): MailTransport | undefined {
  const settings = smtpSettings();
  if (!settings) return undefined;
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
  });
  return {
    send: async (mail) => {
      const unsubscribe = /https?:\/\/\S+\/s\/unsubscribe\?t=\S+/.exec(mail.body)?.[0];
      await transporter.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        headers: unsubscribe ? { "List-Unsubscribe": `<${unsubscribe}>` } : undefined,
      });
    },
  };
}
