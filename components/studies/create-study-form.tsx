"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createStudyAction } from "@/app/(app)/w/[workspace]/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { ZCreateStudyInput, type TCreateStudyInput } from "@/lib/studies/schemas";

export function CreateStudyForm({ workspaceSlug }: { workspaceSlug: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TCreateStudyInput>({ resolver: zodResolver(ZCreateStudyInput) as never, defaultValues: { name: "", description: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createStudyAction(workspaceSlug, values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    router.push(`/w/${workspaceSlug}/studies/${result.data.id}/survey`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField label={t("workspace.studyName")} error={errors.name?.message} {...form.register("name")} />
      <TextAreaField label={t("workspace.studyDescription")} error={errors.description?.message} {...form.register("description")} />
      <Button type="submit" disabled={isSubmitting}>
        {t("workspace.createStudy")}
      </Button>
    </form>
  );
}
