"use client";

import { Controller, useFormContext } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import type { Answers } from "@/lib/surveys/answers";
import type { RatingQuestion } from "@/lib/surveys/definition";
import { QuestionFrame, type QuestionProps } from "./question-frame";

/**
 * A rating as a native range input (arrow keys, Home/End and touch all work). A slider always
 * shows some position, so until the respondent moves it the answer is recorded as not given
 * and says so in text.
 */
export function SliderQuestion({ question, text }: QuestionProps<RatingQuestion>) {
  const { t } = useI18n();
  const { control } = useFormContext<Answers>();
  const low = text(question.minLabel);
  const high = text(question.maxLabel);
  const middle = question.min + Math.round((question.max - question.min) / question.step / 2) * question.step;
  return (
    <Controller
      control={control}
      name={question.id}
      render={({ field, fieldState }) => {
        const answered = typeof field.value === "number";
        const status = answered ? t("questions.sliderValue", { value: field.value as number }) : t("questions.sliderUnset");
        return (
          <QuestionFrame id={question.id} title={text(question.text)} required={question.required} error={fieldState.error ? t("survey.answerThisQuestion") : undefined}>
            <input
              type="range"
              min={question.min}
              max={question.max}
              step={question.step}
              value={answered ? (field.value as number) : middle}
              aria-label={text(question.text)}
              aria-valuetext={answered ? String(field.value) : t("questions.sliderUnset")}
              aria-invalid={fieldState.error ? true : undefined}
              onChange={(event) => field.onChange(Number(event.target.value))}
              // A click on the initial position fires no change event; count it as an answer.
              onPointerUp={(event) => field.onChange(Number((event.target as HTMLInputElement).value))}
              onBlur={field.onBlur}
              ref={field.ref}
              className={`h-8 w-full accent-indigo-700 ${answered ? "" : "opacity-60"}`}
            />
            <div className="flex justify-between gap-4 text-xs text-slate-600">
              <span>
                {question.min}
                {low && ` – ${low}`}
              </span>
              <span className="text-right">
                {high && `${high} – `}
                {question.max}
              </span>
            </div>
            <p role="status" className="mt-1 text-sm font-medium text-slate-800">
              {status}
            </p>
          </QuestionFrame>
        );
      }}
    />
  );
}
