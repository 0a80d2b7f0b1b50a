"use client";

import { Controller, useFormContext } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import type { Answers } from "@/lib/surveys/answers";
import type { NpsQuestion as Nps, RatingQuestion as Rating } from "@/lib/surveys/definition";
import { errorText, QuestionFrame, type QuestionProps } from "./question-frame";

type RowProps = { id: string; title: string; required: boolean; values: number[]; lowLabel?: string; highLabel?: string };

/**
 * A row of numbered radios (wrapping on narrow screens) with the end labels beneath. The end
 * labels are part of the group's description, so a screen reader hears what 0 and 10 mean.
 */
function ScoreRow({ id, title, required, values, lowLabel, highLabel }: RowProps) {
  const { t } = useI18n();
  const { control } = useFormContext<Answers>();
  const ends = [lowLabel && `${values[0]} = ${lowLabel}`, highLabel && `${values[values.length - 1]} = ${highLabel}`].filter(Boolean).join(", ");
  return (
    <Controller
      control={control}
      name={id}
      render={({ field, fieldState }) => (
        <QuestionFrame id={id} title={title} required={required} hint={ends || undefined} hintVisuallyHidden error={errorText(fieldState.error, t("survey.answerThisQuestion"))}>
          <div className="grid grid-cols-[repeat(auto-fit,minmax(2.6rem,1fr))] gap-1.5">
            {values.map((value, index) => (
              <label
                key={value}
                className="flex cursor-pointer flex-col items-center gap-1 rounded-md border border-slate-200 px-1 py-2 text-sm tabular-nums has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600"
              >
                <input
                  type="radio"
                  name={id}
                  value={value}
                  checked={field.value === value}
                  onChange={() => field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={index === 0 ? field.ref : undefined}
                  aria-invalid={fieldState.error ? true : undefined}
                  className="h-5 w-5 accent-indigo-700"
                />
                {value}
              </label>
            ))}
          </div>
          {(lowLabel || highLabel) && (
            <div aria-hidden="true" className="mt-1 flex justify-between gap-4 text-xs text-slate-600">
              <span>{lowLabel}</span>
              <span className="text-right">{highLabel}</span>
            </div>
          )}
        </QuestionFrame>
      )}
    />
  );
}

export function NpsQuestion({ question, text }: QuestionProps<Nps>) {
  const { t } = useI18n();
  const values = Array.from({ length: 11 }, (_, i) => i);
  return <ScoreRow id={question.id} title={text(question.text)} required={question.required} values={values} lowLabel={t("questions.npsLow")} highLabel={t("questions.npsHigh")} />;
}

/** Values of a rating scale, rounded so 0.1 steps do not print as 0.30000000000000004. */
export function ratingValues(question: Pick<Rating, "min" | "max" | "step">): number[] {
  const count = Math.round((question.max - question.min) / question.step);
  return Array.from({ length: count + 1 }, (_, i) => Number((question.min + i * question.step).toFixed(6)));
}

export function RatingButtonsQuestion({ question, text }: QuestionProps<Rating>) {
  return (
    <ScoreRow
      id={question.id}
      title={text(question.text)}
      required={question.required}
      values={ratingValues(question)}
      lowLabel={text(question.minLabel) || undefined}
      highLabel={text(question.maxLabel) || undefined}
    />
  );
}
