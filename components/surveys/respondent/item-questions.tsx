"use client";

import { Controller, useFormContext } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import type { Answers } from "@/lib/surveys/answers";
import type { ConstantSumQuestion as ConstantSum, RankingQuestion as Ranking } from "@/lib/surveys/definition";
import { NumberInput } from "./entry-questions";
import { errorText, QuestionFrame, type QuestionProps } from "./question-frame";

const SELECT =
  "rounded-md border border-slate-300 bg-white px-2 py-2 text-base focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-600";

/** Gives `itemId` rank `rank` (1-based; 0 = unranked); whoever held that rank becomes unranked. */
export function assignRank(ranked: readonly string[], size: number, itemId: string, rank: number): string[] {
  const next = Array.from({ length: size }, (_, i) => (ranked[i] && ranked[i] !== itemId ? ranked[i]! : ""));
  if (rank > 0) next[rank - 1] = itemId;
  return next;
}

/**
 * Ranking with one rank picker per item: plain selects work with a keyboard, a screen reader
 * and a thumb alike, for "rank all" and "top N". The answer is the item ids in rank order.
 */
export function RankingQuestion({ question, text }: QuestionProps<Ranking>) {
  const { t } = useI18n();
  const { control } = useFormContext<Answers>();
  const size = question.topN ?? question.items.length;
  const hint = size < question.items.length ? t("questions.rankTop", { n: size }) : t("questions.rankAll");
  return (
    <Controller
      control={control}
      name={question.id}
      render={({ field, fieldState }) => {
        const ranked = Array.isArray(field.value) ? (field.value as string[]) : [];
        return (
          <QuestionFrame id={question.id} title={text(question.text)} required={question.required} hint={hint} error={errorText(fieldState.error, t("questions.checkAnswer"))}>
            <ul className="space-y-2">
              {question.items.map((item, index) => {
                const label = text(item.label);
                const rank = ranked.indexOf(item.id) + 1;
                return (
                  <li key={item.id} className="flex items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <span className="min-w-0 break-words">{label}</span>
                    <select
                      aria-label={t("questions.rankOf", { item: label })}
                      value={rank}
                      onChange={(event) => field.onChange(assignRank(ranked, size, item.id, Number(event.target.value)))}
                      onBlur={field.onBlur}
                      ref={index === 0 ? field.ref : undefined}
                      aria-invalid={fieldState.error ? true : undefined}
                      className={SELECT}
                    >
                      <option value={0}>{t("questions.notRanked")}</option>
                      {Array.from({ length: size }, (_, i) => (
                        <option key={i + 1} value={i + 1}>
                          {i + 1}
                        </option>
                      ))}
                    </select>
                  </li>
                );
              })}
            </ul>
          </QuestionFrame>
        );
      }}
    />
  );
}

/** Points per item with the running total announced politely as it changes; the server checks the sum exactly. */
export function ConstantSumQuestion({ question, text }: QuestionProps<ConstantSum>) {
  const { t } = useI18n();
  const { control } = useFormContext<Answers>();
  return (
    <Controller
      control={control}
      name={question.id}
      render={({ field, fieldState }) => {
        const points = (field.value && typeof field.value === "object" ? field.value : {}) as Record<string, number | undefined>;
        const sum = Object.values(points).reduce<number>((total, v) => total + (typeof v === "number" && Number.isFinite(v) ? v : 0), 0);
        const left = question.total - sum;
        const balance = left > 0 ? t("questions.pointsLeft", { count: left }) : left < 0 ? t("questions.pointsOver", { count: -left }) : "";
        return (
          <QuestionFrame
            id={question.id}
            title={text(question.text)}
            required={question.required}
            hint={t("questions.distributeHint", { total: question.total })}
            error={errorText(fieldState.error, t("questions.sumMismatch", { total: question.total }))}
          >
            <ul className="space-y-2">
              {question.items.map((item, index) => (
                <li key={item.id} className="flex items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm">
                  <span className="min-w-0 break-words" aria-hidden="true">
                    {text(item.label)}
                  </span>
                  <NumberInput
                    className="w-24 text-right"
                    label={t("questions.pointsFor", { item: text(item.label) })}
                    integer
                    value={points[item.id]}
                    onChange={(value) => field.onChange({ ...points, [item.id]: value })}
                    onBlur={field.onBlur}
                    invalid={Boolean(fieldState.error)}
                    inputRef={index === 0 ? field.ref : undefined}
                  />
                </li>
              ))}
            </ul>
            <p role="status" className={`mt-2 text-sm font-medium ${left === 0 ? "text-green-800" : "text-slate-800"}`}>
              {t("questions.runningTotal", { sum, total: question.total })}
              {balance && ` · ${balance}`}
            </p>
          </QuestionFrame>
        );
      }}
    />
  );
}
