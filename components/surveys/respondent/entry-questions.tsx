"use client";

import { useState } from "react";
import { Controller, useFormContext } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import type { Answers } from "@/lib/surveys/answers";
import type { NumericQuestion as Numeric, OpenTextQuestion as OpenText } from "@/lib/surveys/definition";
import { errorText, QuestionFrame, type QuestionProps } from "./question-frame";

const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-600";

/** Typed text → number; a decimal comma (Finnish, Swedish) counts as a point; blank is no answer. */
export function parseNumber(raw: string): number | undefined {
  const cleaned = raw.replace(/\s/g, "").replace(",", ".");
  return cleaned === "" ? undefined : Number(cleaned);
}

export function NumericQuestion({ question, text }: QuestionProps<Numeric>) {
  const { t, locale } = useI18n();
  const { control } = useFormContext<Answers>();
  const format = new Intl.NumberFormat(locale);
  const { min, max } = question;
  const range =
    min !== undefined && max !== undefined
      ? t("questions.numberRange", { min: format.format(min), max: format.format(max) })
      : min !== undefined
        ? t("questions.numberMin", { min: format.format(min) })
        : max !== undefined
          ? t("questions.numberMax", { max: format.format(max) })
          : "";
  const hint = [range, question.integer ? t("questions.wholeNumber") : ""].filter(Boolean).join(" ") || undefined;
  return (
    <Controller
      control={control}
      name={question.id}
      render={({ field, fieldState }) => (
        <QuestionFrame id={question.id} title={text(question.text)} required={question.required} hint={hint} error={errorText(fieldState.error, t("questions.checkAnswer"))}>
          <NumberInput label={text(question.text)} integer={question.integer} value={field.value as number | undefined} onChange={field.onChange} onBlur={field.onBlur} invalid={Boolean(fieldState.error)} inputRef={field.ref} />
        </QuestionFrame>
      )}
    />
  );
}

type NumberInputProps = { className?: string; label: string; integer: boolean; value: number | undefined; onChange: (value: number | undefined) => void; onBlur: () => void; invalid: boolean; inputRef?: (el: HTMLInputElement | null) => void };

/** Keeps what the respondent typed ("1," while typing) and reports the parsed number. */
export function NumberInput({ className = "max-w-48", label, integer, value, onChange, onBlur, invalid, inputRef }: NumberInputProps) {
  const shown = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "" : String(v));
  const [raw, setRaw] = useState(shown(value));
  // A value set from outside (a resumed draft) replaces the text unless the text already means it.
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(parseNumber(raw), value)) setRaw(shown(value));
  }
  return (
    <input
      type="text"
      inputMode={integer ? "numeric" : "decimal"}
      aria-label={label}
      value={raw}
      onChange={(event) => {
        setRaw(event.target.value);
        onChange(parseNumber(event.target.value));
      }}
      onBlur={onBlur}
      ref={inputRef}
      aria-invalid={invalid || undefined}
      className={`${INPUT} ${className} tabular-nums`}
    />
  );
}

/** Free text, kept as plain text: React renders it as text, never as HTML. */
export function OpenTextQuestion({ question, text }: QuestionProps<OpenText>) {
  const { t } = useI18n();
  const { control } = useFormContext<Answers>();
  return (
    <Controller
      control={control}
      name={question.id}
      render={({ field, fieldState }) => {
        const value = typeof field.value === "string" ? field.value : "";
        const common = {
          "aria-label": text(question.text),
          value,
          maxLength: question.maxLength,
          onChange: (event: { target: { value: string } }) => field.onChange(event.target.value),
          onBlur: field.onBlur,
          "aria-invalid": fieldState.error ? true : undefined,
          className: INPUT,
        };
        return (
          <QuestionFrame id={question.id} title={text(question.text)} required={question.required} error={errorText(fieldState.error, t("survey.answerThisQuestion"))}>
            {question.multiline ? <textarea rows={4} ref={field.ref} {...common} /> : <input type="text" ref={field.ref} {...common} />}
            <p className="mt-1 text-xs text-slate-600">{t("questions.charactersLeft", { count: question.maxLength - value.length })}</p>
          </QuestionFrame>
        );
      }}
    />
  );
}
