"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { ActionResult } from "@/lib/errors";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import {
  PERSONA_STATUSES,
  SEGMENT_NAME_MAX,
  ZSavePersonaInput,
  type TSavePersonaActionInput,
  type TSavePersonaFormValues,
  type TSavePersonaInput,
} from "@/lib/personas/schemas";
import { PersonaActionsField } from "./persona-actions-field";
import { StringListField } from "./string-list-field";

type Props = {
  workspaceSlug: string;
  segmentId: string;
  defaultValues: TSavePersonaFormValues;
  isNew: boolean;
  suggestion: string | undefined;
  /** Where to go after saving: the persona's page. */
  personaPath: string;
  save: (workspaceSlug: string, input: TSavePersonaActionInput) => Promise<ActionResult<unknown>>;
};

/** Names the segment and writes its persona; validated by the same schema as the server action. */
export function PersonaEditor({ workspaceSlug, segmentId, defaultValues, isNew, suggestion, personaPath, save }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TSavePersonaFormValues, unknown, TSavePersonaInput>({ resolver: zodResolver(ZSavePersonaInput), defaultValues });
  const { register, control, handleSubmit, setError, setValue, getFieldState, formState } = form;
  const { errors, isSubmitting } = formState;

  // A new persona takes the segment's name until someone types a persona name of their own.
  function followSegmentName(name: string) {
    if (isNew && !getFieldState("name").isDirty) setValue("name", name);
  }

  async function onSubmit(values: TSavePersonaInput) {
    setFormError(undefined);
    const result = await save(workspaceSlug, { ...values, segmentId });
    if (!result.ok) {
      if (result.code === "conflict" && result.fieldErrors?.segmentName) {
        setError("segmentName", { type: "server", message: t("personas.segmentNameTaken") }, { shouldFocus: true });
      } else {
        applyFieldErrors(setError, result.fieldErrors);
        setFormError(result.error);
      }
      return;
    }
    // The action revalidated the persona paths, so the page shows what was just saved.
    router.push(personaPath);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-6">
      <Card>
        <div className="space-y-4">
          <TextField
            label={t("personas.segmentName")}
            hint={t("personas.segmentNameHint")}
            error={errors.segmentName?.message}
            maxLength={SEGMENT_NAME_MAX}
            autoComplete="off"
            {...register("segmentName", { onChange: (event) => followSegmentName(event.target.value) })}
          />
          {suggestion && (
            <Button
              variant="secondary"
              onClick={() => {
                setValue("segmentName", suggestion, { shouldDirty: true, shouldValidate: true });
                followSegmentName(suggestion);
              }}
            >
              {t("personas.useSuggestion", { name: suggestion })}
            </Button>
          )}
          <TextField label={t("personas.personaName")} error={errors.name?.message} maxLength={80} autoComplete="off" {...register("name")} />
          <TextField label={t("personas.summary")} hint={t("personas.summaryHint")} error={errors.summary?.message} maxLength={200} {...register("summary")} />
        </div>
      </Card>

      <Card>
        <div className="grid gap-6 md:grid-cols-2">
          <Controller
            control={control}
            name="goals"
            render={({ field }) => (
              <StringListField
                legend={t("personas.goals")}
                items={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                itemLabel={(n) => t("personas.goalN", { n })}
                removeLabel={(n) => t("personas.removeGoalN", { n })}
                addLabel={t("personas.addGoal")}
                emptyText={t("personas.emptyList")}
                itemErrors={(index) => errors.goals?.[index]?.message}
                listError={errors.goals?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="pains"
            render={({ field }) => (
              <StringListField
                legend={t("personas.pains")}
                items={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                itemLabel={(n) => t("personas.painN", { n })}
                removeLabel={(n) => t("personas.removePainN", { n })}
                addLabel={t("personas.addPain")}
                emptyText={t("personas.emptyList")}
                itemErrors={(index) => errors.pains?.[index]?.message}
                listError={errors.pains?.message}
              />
            )}
          />
        </div>
      </Card>

      <Card>
        <PersonaActionsField control={control} register={register} errors={errors} />
      </Card>

      <Card>
        <fieldset role="radiogroup" aria-describedby="persona-status-hint" className="space-y-2">
          <legend className="text-sm font-semibold text-slate-900">{t("personas.status")}</legend>
          <div className="flex flex-wrap gap-4">
            {PERSONA_STATUSES.map((status) => (
              <label key={status} className="flex items-center gap-2 text-sm">
                <input type="radio" value={status} {...register("status")} className="h-4 w-4 accent-indigo-700" />
                {t(`personas.status_${status}`)}
              </label>
            ))}
          </div>
          <p id="persona-status-hint" className="text-xs text-slate-600">
            {t("personas.statusHint")}
          </p>
        </fieldset>
      </Card>

      <FormError message={formError} />
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {t("personas.savePersona")}
        </Button>
      </div>
    </form>
  );
}
