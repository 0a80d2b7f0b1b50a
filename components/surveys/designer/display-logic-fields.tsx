"use client";

import { useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { SelectField } from "@/components/ui/field";
import { localized, type Question } from "@/lib/surveys/definition";
import { conditionCodesOf, isConditionSource } from "@/lib/surveys/display-logic";
import { optionsOf } from "@/lib/surveys/question-parts";
import { useDesigner, useDesignerForm } from "./designer-context";

type Condition = { questionId?: string; operator?: string; codes?: number[] };

type Texts = { legend: string; source: string; operator: string; answers: string };

/**
 * "Show this question only if…" (or, with the page's path and texts, "Show this page only if…"):
 * an earlier choice-like question, a comparison and the answers that show this one.
 */
export function DisplayLogicFields({ index, path = `questions.${index}.showIf`, texts }: { index: number; path?: string; texts?: Texts }) {
  const { t } = useI18n();
  const { editLanguage } = useDesigner();
  const { form, errorOf, defaultLanguage } = useDesignerForm();
  const questions = (useWatch({ control: form.control, name: "questions" }) ?? []) as unknown as Question[];
  const condition: Condition = (useWatch({ control: form.control, name: path as "questions.0.showIf" }) as Condition | undefined) ?? {};
  const n = index + 1;
  const label = texts ?? {
    legend: t("surveyLogic.showIfLegend"),
    source: t("surveyLogic.sourceQuestion", { n }),
    operator: t("surveyLogic.operator", { n }),
    answers: t("surveyLogic.answers", { n }),
  };
  const earlier = questions.slice(0, index).map((q, i) => ({ q, n: i + 1 })).filter(({ q }) => q && isConditionSource(q));
  const source = questions.find((q, i) => i < index && q?.id === condition.questionId);
  const labels = new Map(source ? optionsOf(source).map((o) => [o.code, localized(o.label, editLanguage, defaultLanguage)]) : []);
  const codes = source ? conditionCodesOf(source).filter((code) => Number.isFinite(code)) : [];
  const chosen = condition.codes ?? [];
  const set = (next: Condition) => form.setValue(path as "questions.0.showIf", { questionId: "", operator: "equals", codes: [], ...condition, ...next } as never, { shouldDirty: true });
  const toggle = (code: number, on: boolean) => {
    const single = (condition.operator ?? "equals") !== "any_of";
    set({ codes: on ? (single ? [code] : [...chosen, code]) : chosen.filter((c) => c !== code) });
  };

  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">{label.legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={label.source}
          error={errorOf(`${path}.questionId`)}
          value={condition.questionId ?? ""}
          onChange={(event) => set({ questionId: event.target.value, codes: [] })}
        >
          <option value="">{t("surveyLogic.alwaysShow")}</option>
          {earlier.map(({ q, n: m }) => (
            <option key={q.id} value={q.id}>
              {t("surveyLogic.questionOption", { n: m, text: localized(q.text, editLanguage, defaultLanguage) || q.id })}
            </option>
          ))}
        </SelectField>
        {source && (
          <SelectField
            label={label.operator}
            error={errorOf(`${path}.operator`)}
            value={condition.operator ?? "equals"}
            onChange={(event) => set({ operator: event.target.value, codes: event.target.value === "any_of" ? chosen : chosen.slice(0, 1) })}
          >
            <option value="equals">{t("surveyLogic.equals")}</option>
            <option value="not_equals">{t("surveyLogic.notEquals")}</option>
            <option value="any_of">{t("surveyLogic.anyOf")}</option>
          </SelectField>
        )}
      </div>
      {source && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-800">{label.answers}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {codes.map((code) => (
              <label key={code} className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={chosen.includes(code)} onChange={(event) => toggle(code, event.target.checked)} />
                {labels.get(code) ? `${labels.get(code)} (${code})` : String(code)}
              </label>
            ))}
          </div>
          {errorOf(`${path}.codes`) && <p className="mt-1 text-sm text-red-700">{errorOf(`${path}.codes`)}</p>}
        </fieldset>
      )}
    </fieldset>
  );
}

const RANDOMISE: Partial<Record<Question["type"], { field: string; label: "surveyLogic.randomizeOptions" | "surveyLogic.randomizeRows" }>> = {
  single_choice: { field: "randomizeOptions", label: "surveyLogic.randomizeOptions" },
  multiple_choice: { field: "randomizeOptions", label: "surveyLogic.randomizeOptions" },
  ranking: { field: "randomizeOptions", label: "surveyLogic.randomizeOptions" },
  constant_sum: { field: "randomizeOptions", label: "surveyLogic.randomizeOptions" },
  likert_battery: { field: "randomizeRows", label: "surveyLogic.randomizeRows" },
};

/** "Randomise options" / "Randomise statements" for the question types whose lists can be shuffled. */
export function RandomizeField({ index, type }: { index: number; type: Question["type"] }) {
  const { t } = useI18n();
  const { form } = useDesignerForm();
  const entry = RANDOMISE[type];
  if (!entry) return null;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register(`questions.${index}.${entry.field}` as never)} />
      {t(entry.label)}
    </label>
  );
}
