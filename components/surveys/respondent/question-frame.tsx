"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n-provider";

type Props = { id: string; title: string; required: boolean; hint?: string; hintVisuallyHidden?: boolean; error?: string; children: ReactNode };

/**
 * One question as a fieldset: the question text is the legend (so every control inside is
 * announced with it), the hint and the error in the respondent's language are linked to it.
 */
export function QuestionFrame({ id, title, required, hint, hintVisuallyHidden = false, error, children }: Props) {
  const { t } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="min-w-0">
      <legend className="text-base font-semibold text-slate-900">
        {title}
        <span className="ml-2 text-xs font-normal text-slate-500">{required ? t("survey.required") : t("survey.optional")}</span>
      </legend>
      {hint && (
        <p id={hintId} className={hintVisuallyHidden ? "sr-only" : "mt-1 text-sm text-slate-600"}>
          {hint}
        </p>
      )}
      <div className={`mt-3 ${error ? "border-l-4 border-red-600 pl-2" : ""}`}>{children}</div>
      {error && (
        <p id={errorId} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The form's message for the question (already in the respondent's language, see
 * lib/surveys/answer-messages.ts); a problem inside a part of the answer has none of its own, so
 * the respondent is asked to check the answer against the hint.
 */
export function errorText(error: { message?: string } | undefined, otherwise: string): string | undefined {
  if (!error) return undefined;
  return error.message || otherwise;
}

/** Text of the survey in the respondent's language, falling back to the survey's default language. */
export type TextOf = (value: { en?: string; fi?: string; sv?: string } | undefined) => string;

export type QuestionProps<Q> = { question: Q; text: TextOf };
