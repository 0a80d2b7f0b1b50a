import type { NameTemplates } from "@/lib/personas/suggest-segment-name";
import type { Translate } from "@/lib/i18n/translator";

/** Name suggestions in the UI language (statement labels stay as the survey wrote them). */
export function nameTemplates(t: Translate): NameTemplates {
  return { pair: t("personas.nameTemplatePair"), single: t("personas.nameTemplateSingle"), low: t("personas.nameTemplateLow") };
}
