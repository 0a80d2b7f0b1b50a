"use client";

import { useWatch, type Control, type FieldValues } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { answeredCount } from "@/lib/surveys/survey-pages";

type Props = { questions: readonly { id: string }[]; control: Control<FieldValues>; page: number; pages: number };

/** "n of N questions answered" as a progress bar, plus "Page x of y" when the survey has pages; updates as the respondent answers. */
export function RespondentProgress({ questions, control, page, pages }: Props) {
  const { t } = useI18n();
  // Watching here, not in the form, so only this line re-renders on each answer.
  const values = useWatch({ control }) as Record<string, unknown>;
  const total = questions.length;
  const answered = answeredCount(questions, values ?? {});
  const text = t("surveyPages.answeredOf", { answered, total });
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap justify-between gap-2 text-sm text-slate-700">
        {pages > 1 && <span className="font-medium">{t("surveyPages.pageOf", { page: page + 1, pages })}</span>}
        <span>{text}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("surveyPages.progressLabel")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-indigo-700 transition-[width]" style={{ width: `${total ? (answered / total) * 100 : 0}%` }} />
      </div>
    </div>
  );
}
