"use client";

import { useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { QuestionType } from "@/lib/surveys/definition";
import { useDesignerForm } from "./designer-context";
import { ConstantSumFields, RankingFields } from "./item-question-fields";
import { DisplayLogicFields, RandomizeField } from "./display-logic-fields";
import { LikertBatteryFields } from "./likert-battery-fields";
import { MaxDiffFields } from "./maxdiff-fields";
import { MultipleChoiceFields } from "./multiple-choice-fields";
import { PageSettingsFields } from "./page-settings-fields";
import { NpsFields, NumericFields, OpenTextFields, RatingFields } from "./scalar-question-fields";
import { LikertItemFields } from "./scale-fields";
import { SingleChoiceFields } from "./single-choice-fields";

/** The fields each question type adds to the common id, order and "required" controls. */
const FIELDS: Record<QuestionType, (props: { index: number }) => React.ReactNode> = {
  likert_battery: LikertBatteryFields,
  single_choice: SingleChoiceFields,
  multiple_choice: MultipleChoiceFields,
  likert_item: LikertItemFields,
  rating: RatingFields,
  nps: NpsFields,
  numeric: NumericFields,
  open_text: OpenTextFields,
  ranking: RankingFields,
  constant_sum: ConstantSumFields,
  maxdiff: MaxDiffFields,
};

type Props = { index: number; count: number; onMove: (from: number, to: number) => void; onRemove: (index: number) => void };

/** One question of the designer, as a group named "Question n: type", with its reorder and remove buttons. */
export function DesignerQuestion({ index, count, onMove, onRemove }: Props) {
  const { t } = useI18n();
  const { form, errorOf } = useDesignerForm();
  const type: QuestionType = useWatch({ control: form.control, name: `questions.${index}.type` });
  const id = useWatch({ control: form.control, name: `questions.${index}.id` });
  const n = index + 1;
  const Fields = FIELDS[type];
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <fieldset className="min-w-0 space-y-4">
        <legend className="text-base font-semibold text-slate-900">{t("survey.questionHeading", { n, type: t(`questions.type_${type}`) })}</legend>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <span className="font-mono text-xs text-slate-500">{t("survey.questionId", { id })}</span>
          <div className="flex gap-1">
            <Button variant="ghost" aria-label={t("survey.moveUp", { n })} title={t("survey.moveUp", { n })} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
              ↑
            </Button>
            <Button
              variant="ghost"
              aria-label={t("survey.moveDown", { n })}
              title={t("survey.moveDown", { n })}
              disabled={index === count - 1}
              onClick={() => onMove(index, index + 1)}
            >
              ↓
            </Button>
            <Button variant="ghost" aria-label={t("survey.removeQuestion", { n })} title={t("survey.removeQuestion", { n })} onClick={() => onRemove(index)}>
              ✕
            </Button>
          </div>
        </div>
        {errorOf(`questions.${index}.id`) && (
          <p role="alert" className="text-sm text-red-700">
            {errorOf(`questions.${index}.id`)}
          </p>
        )}
        <Fields index={index} />
        <RandomizeField index={index} type={type} />
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register(`questions.${index}.required`)} />
          {t("survey.answerRequired")}
        </label>
        {index > 0 && (
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="h-4 w-4 rounded border-slate-300"
              {...form.register(`questions.${index}.pageBreakBefore`, {
                // Without its page, the page's settings have nothing to apply to.
                onChange: (event: { target: { checked: boolean } }) => !event.target.checked && form.setValue(`questions.${index}.page`, undefined, { shouldDirty: true }),
              })}
            />
            {t("surveyPages.newPageHere")}
          </label>
        )}
        <PageSettingsFields index={index} />
        <DisplayLogicFields index={index} />
      </fieldset>
    </li>
  );
}
