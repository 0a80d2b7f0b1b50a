import { DEFAULT_LOCALE, type Locale } from "./locales";
import { messages } from "./messages";
import { translatorFor, type Dictionary, type Translate } from "./translator";

const cache = new Map<Locale, Dictionary>();

/** All texts of one language, flattened to "area.key"; missing ones fall back to English. */
export function dictionaryFor(locale: Locale): Dictionary {
  let dictionary = cache.get(locale);
  if (!dictionary) {
    dictionary = {};
    for (const [area, languages] of Object.entries(messages)) {
      const byLocale = languages as Record<Locale, Record<string, string>>;
      const texts = { ...byLocale[DEFAULT_LOCALE], ...byLocale[locale] };
      for (const [key, text] of Object.entries(texts)) dictionary[`${area}.${key}`] = text;
    }
    cache.set(locale, dictionary);
  }
  return dictionary;
}

export function translate(locale: Locale): Translate {
  return translatorFor(dictionaryFor(locale));
}

export { translatorFor, type Dictionary, type Translate };
