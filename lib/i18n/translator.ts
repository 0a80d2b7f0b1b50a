import type { MessageKey } from "./messages";

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
export type Dictionary = Record<string, string>;

/** A t() over flattened texts; kept free of the message files so client bundles carry only one language. */
export function translatorFor(dictionary: Dictionary, fallback?: Dictionary): Translate {
  return (key, vars) => {
    const template = dictionary[key] ?? fallback?.[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}
