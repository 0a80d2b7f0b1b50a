"use client";

import { Controller, useFormContext } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import type { Answers, ChoiceSetAnswer } from "@/lib/surveys/answers";
import type { MultipleChoiceQuestion as Question } from "@/lib/surveys/definition";
import { OTHER_TEXT_MAX } from "@/lib/surveys/answer-schemas";
import { errorText, QuestionFrame, type QuestionProps } from "./question-frame";

const OPTION = "flex cursor-pointer items-center gap-3 rounded-md border border-slate-200 px-3 py-2.5 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50";

/** Checkboxes, one per option; "Other" reveals a text field whose text is stored beside the codes. */
export function MultipleChoiceQuestion({ question, text }: QuestionProps<Question>) {
  const { t } = useI18n();
  const { control } = useFormContext<Answers>();
  const min = question.minSelections ?? 0;
  const max = question.maxSelections;
  const hint =
    min > 1 && max ? t("questions.chooseBetween", { min, max }) : min > 1 ? t("questions.chooseAtLeast", { min }) : max ? t("questions.chooseAtMost", { max }) : t("questions.chooseAny");
  const options = question.other ? [...question.options, question.other] : question.options;
  return (
    <Controller
      control={control}
      name={question.id}
      render={({ field, fieldState }) => {
        const value = (field.value as ChoiceSetAnswer | undefined) ?? { codes: [] };
        const toggle = (code: number, on: boolean) => {
          const codes = on ? [...value.codes, code] : value.codes.filter((c) => c !== code);
          field.onChange({ ...value, codes });
        };
        const otherChosen = question.other !== undefined && value.codes.includes(question.other.code);
        return (
          <QuestionFrame id={question.id} title={text(question.text)} required={question.required} hint={hint} error={errorText(fieldState.error, t("questions.checkAnswer"))}>
            <div className="space-y-2">
              {options.map((option, index) => (
                <label key={option.id} className={OPTION}>
                  <input
                    type="checkbox"
                    value={option.code}
                    checked={value.codes.includes(option.code)}
                    onChange={(event) => toggle(option.code, event.target.checked)}
                    onBlur={field.onBlur}
                    ref={index === 0 ? field.ref : undefined}
                    aria-invalid={fieldState.error ? true : undefined}
                    className="h-5 w-5 shrink-0 accent-indigo-700"
                  />
                  <span className="break-words">{text(option.label)}</span>
                </label>
              ))}
              {otherChosen && (
                <label className="block space-y-1 pl-8 text-sm">
                  <span className="font-medium text-slate-800">{t("questions.otherSpecify")}</span>
                  <input
                    type="text"
                    maxLength={OTHER_TEXT_MAX}
                    value={value.other ?? ""}
                    onChange={(event) => field.onChange({ ...value, other: event.target.value })}
                    className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
                  />
                </label>
              )}
            </div>
          </QuestionFrame>
        );
      }}
    />
  );
}
