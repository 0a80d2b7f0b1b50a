"use client";

import { useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { useDesignerForm } from "./designer-context";
import { DisplayLogicFields } from "./display-logic-fields";

type Paged = { pageBreakBefore?: boolean; page?: { randomize?: boolean; randomizeQuestions?: boolean; showIf?: { questionId?: string } } };

/** Unticked boxes leave `false` behind: only real settings count. */
const hasSettings = (page: Paged["page"]) => Boolean(page?.randomize || page?.randomizeQuestions || page?.showIf?.questionId);

/**
 * The settings of the page that question `index` starts (shown on the page's first question,
 * where they are stored): a condition on earlier answers, shuffling with neighbouring shuffled
 * pages, and a per-respondent question order within the page.
 */
export function PageSettingsFields({ index }: { index: number }) {
  const { t } = useI18n();
  const { form, errorOf } = useDesignerForm();
  const questions = (useWatch({ control: form.control, name: "questions" }) ?? []) as Paged[];
  const own = questions[index];
  const paged = questions.some((q, i) => i > 0 && q?.pageBreakBefore);
  // Shown where a page starts, and wherever settings are left (e.g. after moving a question), so they can be cleared.
  const startsPage = index === 0 ? paged : Boolean(own?.pageBreakBefore);
  if (!own || (!startsPage && !hasSettings(own.page))) return null;
  // Page numbers as the respondent would count them without any condition or shuffling.
  const page = 1 + questions.slice(1, index + 1).filter((q) => q?.pageBreakBefore).length;
  const base = `questions.${index}.page`;
  const hintId = `page-${index}-shuffle-hint`;
  return (
    <fieldset className="space-y-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("surveyPages.pageSettings", { page })}</legend>
      {errorOf(base) && (
        <p role="alert" className="text-sm text-red-700">
          {errorOf(base)}
        </p>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" aria-describedby={hintId} className="h-4 w-4 rounded border-slate-300" {...form.register(`${base}.randomize` as never)} />
        {t("surveyPages.shufflePage", { page })}
      </label>
      <p id={hintId} className="-mt-2 text-xs text-slate-600">
        {t("surveyPages.shufflePageHint")}
      </p>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register(`${base}.randomizeQuestions` as never)} />
        {t("surveyPages.randomizePageQuestions", { page })}
      </label>
      {index > 0 && (
        <DisplayLogicFields
          index={index}
          path={`${base}.showIf`}
          texts={{
            legend: t("surveyPages.pageShowIfLegend"),
            source: t("surveyPages.pageSourceQuestion", { page }),
            operator: t("surveyPages.pageOperator", { page }),
            answers: t("surveyPages.pageAnswers", { page }),
          }}
        />
      )}
    </fieldset>
  );
}
