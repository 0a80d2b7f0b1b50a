"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { QUESTION_TYPES, type QuestionType } from "@/lib/surveys/definition";

const OTHER_TYPES = QUESTION_TYPES.filter((type) => type !== "likert_battery" && type !== "single_choice");

/** Picks any other question type and adds it; the battery and single choice have their own buttons. */
export function AddQuestionOfType({ onAdd }: { onAdd: (type: QuestionType) => void }) {
  const { t } = useI18n();
  const [type, setType] = useState<QuestionType>("multiple_choice");
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-48">
        <SelectField label={t("questions.addQuestionType")} value={type} onChange={(event) => setType(event.target.value as QuestionType)}>
          {OTHER_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`questions.type_${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <Button variant="secondary" onClick={() => onAdd(type)}>
        {t("questions.addQuestionOfType")}
      </Button>
    </div>
  );
}
