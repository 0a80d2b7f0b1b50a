"use client";

import { Controller, useFormContext } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { localized, type SingleChoiceQuestion as Question } from "@/lib/surveys/definition";
import type { Answers } from "@/lib/surveys/answers";

/** A single-choice question: one radio group, named by the question, each option a full-width tap target. */
export function SingleChoiceQuestion({ question, language, fallback }: { question: Question; language: string; fallback: string }) {
  const { t } = useI18n();
  const { control } = useFormContext<Answers>();
  const text = (value: Parameters<typeof localized>[0]) => localized(value, language, fallback);
  const errorId = `${question.id}-error`;
  return (
    <Controller
      control={control}
      name={question.id}
      render={({ field, fieldState }) => (
        <fieldset aria-describedby={fieldState.error ? errorId : undefined} className="min-w-0">
          <legend className="text-base font-semibold text-slate-900">
            {text(question.text)}
            <span className="ml-2 text-xs font-normal text-slate-500">{question.required ? t("survey.required") : t("survey.optional")}</span>
          </legend>
          <div className={`mt-3 space-y-2 ${fieldState.error ? "border-l-4 border-red-600 pl-2" : ""}`}>
            {question.options.map((option, index) => (
              <label
                key={option.id}
                className="flex cursor-pointer items-center gap-3 rounded-md border border-slate-200 px-3 py-2.5 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
              >
                <input
                  type="radio"
                  name={question.id}
                  value={option.code}
                  checked={field.value === option.code}
                  onChange={() => field.onChange(option.code)}
                  onBlur={field.onBlur}
                  ref={index === 0 ? field.ref : undefined}
                  aria-invalid={fieldState.error ? true : undefined}
                  className="h-5 w-5 shrink-0 accent-indigo-700"
                />
                <span className="break-words">{text(option.label)}</span>
              </label>
            ))}
          </div>
          {fieldState.error && (
            <p id={errorId} className="mt-2 text-sm text-red-700">
              {t("survey.answerThisQuestion")}
            </p>
          )}
        </fieldset>
      )}
    />
  );
}
