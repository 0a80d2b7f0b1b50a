"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createWorkspaceAction } from "@/app/actions/workspaces";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { ZCreateWorkspaceInput, type TCreateWorkspaceInput } from "@/lib/workspaces/schemas";

export function CreateWorkspaceForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TCreateWorkspaceInput>({ resolver: zodResolver(ZCreateWorkspaceInput), defaultValues: { name: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createWorkspaceAction(values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    router.push(`/w/${result.data.slug}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <FormError message={formError} />
      <div className="min-w-64 flex-1">
        <TextField label={t("workspace.workspaceName")} error={form.formState.errors.name?.message} {...form.register("name")} />
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {t("workspace.createWorkspace")}
      </Button>
    </form>
  );
}
