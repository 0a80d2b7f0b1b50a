"use client";

import type { CSSProperties } from "react";
import { Controller, useFormContext } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { localized, type LikertBatteryQuestion } from "@/lib/surveys/definition";
import type { Answers } from "@/lib/surveys/answers";

type Props = { question: LikertBatteryQuestion; language: string; fallback: string };

/**
 * A Likert battery as a matrix: each statement is its own radio group (fieldset named by the
 * statement, radios named by the scale labels). Wider than 640px the scale labels head the
 * columns; narrower, each statement stacks its labelled options so they are easy to tap.
 */
export function BatteryQuestion({ question, language, fallback }: Props) {
  const { t } = useI18n();
  const { control, formState } = useFormContext<Answers>();
  const text = (value: Parameters<typeof localized>[0]) => localized(value, language, fallback);
  const headingId = `${question.id}-heading`;
  const errorId = `${question.id}-error`;
  const hasError = Boolean(formState.errors[question.id]);
  const columns = { "--scale-points": question.scale.length } as CSSProperties;
  const grid = "min-[641px]:grid min-[641px]:grid-cols-[minmax(9rem,2fr)_repeat(var(--scale-points),minmax(0,1fr))] min-[641px]:items-center min-[641px]:gap-2";

  return (
    <section aria-labelledby={headingId} aria-describedby={hasError ? errorId : undefined} className="space-y-2" style={columns}>
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {text(question.text)}
        <span className="ml-2 text-xs font-normal text-slate-500">{question.required ? t("survey.required") : t("survey.optional")}</span>
      </h2>
      <div aria-hidden="true" className={`hidden text-center text-xs text-slate-600 ${grid}`}>
        <span />
        {question.scale.map((point) => (
          <span key={point.id} className="px-1">
            {text(point.label)}
          </span>
        ))}
      </div>
      {question.rows.map((row) => (
        <Controller
          key={row.id}
          control={control}
          name={`${question.id}.${row.id}`}
          render={({ field, fieldState }) => (
            <fieldset className={`min-w-0 border-t border-slate-200 py-3 ${fieldState.error ? "border-l-4 border-l-red-600 pl-2" : ""} ${grid}`}>
              <legend className="sr-only">{text(row.text)}</legend>
              <p aria-hidden="true" className="mb-2 break-words text-sm font-medium text-slate-900 min-[641px]:mb-0">
                {text(row.text)}
              </p>
              {question.scale.map((point, index) => (
                <label
                  key={point.id}
                  className="mb-1.5 flex cursor-pointer items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50 min-[641px]:mb-0 min-[641px]:justify-center min-[641px]:border-0 min-[641px]:bg-transparent min-[641px]:py-2 min-[641px]:has-[:checked]:bg-transparent"
                >
                  <input
                    type="radio"
                    name={`${question.id}.${row.id}`}
                    value={point.code}
                    checked={field.value === point.code}
                    onChange={() => field.onChange(point.code)}
                    onBlur={field.onBlur}
                    ref={index === 0 ? field.ref : undefined}
                    aria-invalid={fieldState.error ? true : undefined}
                    className="h-5 w-5 shrink-0 accent-indigo-700"
                  />
                  <span className="min-[641px]:sr-only">{text(point.label)}</span>
                </label>
              ))}
            </fieldset>
          )}
        />
      ))}
      {hasError && (
        <p id={errorId} className="text-sm text-red-700">
          {t("survey.answerEveryStatement")}
        </p>
      )}
    </section>
  );
}
