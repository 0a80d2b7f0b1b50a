"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiKeyAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { RoleSelect } from "./role-select";
import { FormError } from "@/components/ui/form-error";
import type { Role } from "@/lib/auth/roles";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { ZCreateApiKeyInput, type TCreateApiKeyInput } from "@/lib/workspaces/schemas";

export function ApiKeyForm({ workspaceSlug, grantableRoles }: { workspaceSlug: string; grantableRoles: Role[] }) {
  const { t } = useI18n();
  const [key, setKey] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TCreateApiKeyInput>({ resolver: zodResolver(ZCreateApiKeyInput), defaultValues: { name: "", role: "researcher" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createApiKeyAction(workspaceSlug, values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    setKey(result.data.key);
    form.reset({ name: "", role: values.role });
  });

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <TextField label={t("workspace.keyName")} error={form.formState.errors.name?.message} {...form.register("name")} />
        </div>
        <div className="w-48">
          <RoleSelect label={t("workspace.keyRole")} roles={grantableRoles.filter((role) => role !== "owner")} {...form.register("role")} />
        </div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("workspace.createKey")}
        </Button>
      </form>
      <FormError message={formError} />
      {key && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <TextField label={t("workspace.keyCreated")} readOnly value={key} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
