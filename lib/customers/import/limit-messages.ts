import { translate } from "@/lib/i18n/translate";
import type { Translate } from "@/lib/i18n/translator";
import type { HeaderProblem, ImportStop } from "./import-limits";

const english = translate("en");

/**
 * A limit's message in the reader's language, numbers formatted for it. English (the default) is what
 * the API says and what data_imports.error keeps; the import page words the stored stop again for its reader.
 */
export function limitMessage(problem: ImportStop | HeaderProblem, t: Translate = english, locale = "en"): string {
  const number = new Intl.NumberFormat(locale);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem)) if (name !== "key") values[name] = typeof value === "number" ? number.format(value) : String(value);
  return t(`customerData.limit_${problem.key}`, values);
}
