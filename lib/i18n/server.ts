import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";
import { dictionaryFor, translate } from "./translate";

export const LOCALE_COOKIE = "needscape_locale";

/** The UI language: the user's choice (cookie), else the browser's preference, else English. */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accepted = (await headers()).get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const language = part.split(";")[0]!.trim().slice(0, 2).toLowerCase();
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

export async function getTranslator() {
  const locale = await currentLocale();
  return { locale, t: translate(locale), dictionary: dictionaryFor(locale) };
}

export { LOCALES };
