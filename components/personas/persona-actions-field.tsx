"use client";

import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { PERSONA_FUNCTIONS, type TSavePersonaFormValues } from "@/lib/personas/schemas";

type Props = {
  control: Control<TSavePersonaFormValues, unknown, unknown>;
  register: UseFormRegister<TSavePersonaFormValues>;
  errors: FieldErrors<TSavePersonaFormValues>;
};

/** Actions per function (marketing, sales, service, product), each with an owner and a KPI. */
export function PersonaActionsField({ control, register, errors }: Props) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control, name: "actions" });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">{t("personas.actions")}</legend>
      <p className="text-xs text-slate-600">{t("personas.actionsHint")}</p>
      {fields.length === 0 && <p className="text-sm text-slate-600">{t("personas.emptyList")}</p>}
      <ol className="space-y-3">
        {fields.map((field, index) => {
          const n = index + 1;
          const rowErrors = errors.actions?.[index];
          return (
            <li key={field.id} className="rounded-md border border-slate-200 p-3">
              <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
                <SelectField label={t("personas.functionN", { n })} error={rowErrors?.function?.message} {...register(`actions.${index}.function`)}>
                  {PERSONA_FUNCTIONS.map((fn) => (
                    <option key={fn} value={fn}>
                      {t(`personas.function_${fn}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t("personas.actionN", { n })} error={rowErrors?.action?.message} maxLength={500} {...register(`actions.${index}.action`)} />
              </div>
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                <TextField label={t("personas.ownerN", { n })} error={rowErrors?.owner?.message} maxLength={120} {...register(`actions.${index}.owner`)} />
                <TextField label={t("personas.kpiN", { n })} error={rowErrors?.kpi?.message} maxLength={200} {...register(`actions.${index}.kpi`)} />
              </div>
              <div className="mt-2 flex justify-end">
                <Button variant="ghost" onClick={() => remove(index)}>
                  {t("personas.removeActionN", { n })}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {errors.actions?.message && (
        <p role="alert" className="text-sm text-red-700">
          {errors.actions.message}
        </p>
      )}
      <Button variant="secondary" onClick={() => append({ function: "marketing", action: "", owner: "", kpi: "" }, { shouldFocus: true })}>
        {t("personas.addAction")}
      </Button>
    </fieldset>
  );
}
