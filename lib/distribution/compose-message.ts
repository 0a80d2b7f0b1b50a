import { isLocale, type Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import { signContactToken, type TokenSubject } from "./contact-token";

export type MessageKind = "invitation" | "reminder";

/** The personal respondent link; the language rides along so the survey opens in the contact's language. */
export function personalLink(origin: string, publicId: string, token: string, language?: string): string {
  return `${origin}/s/${publicId}?${new URLSearchParams({ t: token, ...(language ? { lang: language } : {}) })}`;
}

export function unsubscribeLink(origin: string, token: string): string {
  return `${origin}/s/unsubscribe?${new URLSearchParams({ t: token })}`;
}

/** The contact's language when the survey offers it, else the survey's default. */
export function messageLanguage(definition: SurveyDefinition, contactLanguage: string | null): Locale {
  return isLocale(contactLanguage) && definition.languages.includes(contactLanguage) ? contactLanguage : definition.defaultLanguage;
}

/** Subject and plain-text body of one invitation or reminder, with the personal and unsubscribe links. */
export function composeMessage(params: {
  kind: MessageKind;
  secret: string;
  origin: string;
  publicId: string;
  definition: SurveyDefinition;
  contact: TokenSubject & { language: string | null };
}) {
  const language = messageLanguage(params.definition, params.contact.language);
  const t = translate(language);
  const title = localized(params.definition.title, language, params.definition.defaultLanguage);
  const link = personalLink(params.origin, params.publicId, signContactToken(params.secret, "respond", params.contact), language);
  const unsubscribe = unsubscribeLink(params.origin, signContactToken(params.secret, "unsubscribe", params.contact));
  const invitation = params.kind === "invitation";
  const subject = t(invitation ? "distribution.mailInvitationSubject" : "distribution.mailReminderSubject", { title });
  const body = [
    t("distribution.mailGreeting"),
    "",
    t(invitation ? "distribution.mailInvitationText" : "distribution.mailReminderText", { title }),
    "",
    link,
    "",
    t("distribution.mailPersonalNote"),
    "",
    "--",
    t("distribution.mailUnsubscribe", { link: unsubscribe }),
  ].join("\n");
  return { subject, body, language, unsubscribe };
}
