"use client";

import { useParams } from "next/navigation";
import { useEffect, useMemo } from "react";
import { get, useFormContext, useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { progressKeyFor } from "@/components/responses/progress-key";
import type { Answers } from "@/lib/surveys/answers";
import { maxDiffVersionForKey } from "@/lib/surveys/maxdiff";
import { maxDiffSetsOf, type MaxDiffQuestion as Question, type MaxDiffStoredAnswer } from "@/lib/surveys/maxdiff-question";
import { QuestionFrame, type QuestionProps } from "./question-frame";

/**
 * A MaxDiff question: the respondent's design version (fixed by their submission key, so a
 * reload shows the same sets) as one group per set, each with a "best" and a "worst" radio group.
 * Picking an item in one group clears it from the other, so best and worst always differ.
 */
export function MaxDiffQuestion({ question, text }: QuestionProps<Question>) {
  const { t } = useI18n();
  const params = useParams<{ publicId?: string }>();
  const { control, register, setValue, getValues, formState } = useFormContext<Answers>();
  const name = question.id;
  const answer = useWatch({ control, name }) as MaxDiffStoredAnswer | undefined;
  const versions = useMemo(() => maxDiffSetsOf(question), [question]);

  // The version comes from the browser's key, known only after mount; a restored answer keeps its own.
  useEffect(() => {
    const current = getValues(name) as MaxDiffStoredAnswer | undefined;
    if (current && typeof current.version === "number" && versions[current.version]) return;
    const version = maxDiffVersionForKey(progressKeyFor(params.publicId ?? "preview"), versions.length);
    setValue(name, { version, choices: versions[version].map((_, setIndex) => ({ setIndex, best: "", worst: "" })) } as never);
  }, [getValues, setValue, name, versions, params.publicId, answer]);

  const best = text(question.bestLabel) || t("maxdiff.defaultBest");
  const worst = text(question.worstLabel) || t("maxdiff.defaultWorst");
  const sets = answer && versions[answer.version];
  const questionError = get(formState.errors, name) as { message?: string; choices?: unknown } | undefined;
  const labelOf = (itemId: string) => text(question.items.find((item) => item.id === itemId)?.label) || itemId;

  return (
    <QuestionFrame
      id={name}
      title={text(question.text)}
      required={question.required}
      hint={t("maxdiff.setInstructions")}
      error={questionError && !questionError.choices ? t("survey.answerThisQuestion") : undefined}
    >
      {!sets ? (
        <p className="text-sm text-slate-600">{t("maxdiff.loadingSets")}</p>
      ) : (
        <div className="space-y-4">
          {sets.map((items, s) => {
            const path = `${name}.choices.${s}` as const;
            const setError = Boolean(get(formState.errors, path));
            const pick = (role: "best" | "worst", other: "best" | "worst") =>
              register(`${path}.${role}` as never, {
                onChange: (event: { target: { value: string } }) => {
                  if ((getValues(`${path}.${other}` as never) as unknown) === event.target.value) setValue(`${path}.${other}` as never, "" as never);
                },
              });
            return (
              <fieldset key={s} className="min-w-0 rounded-md border border-slate-200 p-3" aria-describedby={setError ? `${path}-error` : undefined}>
                <legend className="px-1 text-sm font-semibold text-slate-800">{t("maxdiff.setOf", { n: s + 1, count: sets.length })}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  {(["best", "worst"] as const).map((role) => (
                    <fieldset key={role} className="min-w-0">
                      <legend className="mb-1 text-sm font-medium text-slate-700">{role === "best" ? best : worst}</legend>
                      <div className="space-y-1.5">
                        {items.map((itemId) => (
                          <label
                            key={itemId}
                            className="flex cursor-pointer items-center gap-3 rounded-md border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
                          >
                            <input type="radio" value={itemId} className="h-5 w-5 shrink-0 accent-indigo-700" {...pick(role, role === "best" ? "worst" : "best")} />
                            <span className="min-w-0 break-words">{labelOf(itemId)}</span>
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  ))}
                </div>
                {setError && (
                  <p id={`${path}-error`} className="mt-2 text-sm text-red-700">
                    {t("maxdiff.setInstructions")}
                  </p>
                )}
              </fieldset>
            );
          })}
        </div>
      )}
    </QuestionFrame>
  );
}
