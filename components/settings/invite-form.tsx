"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createInvitationAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { RoleSelect } from "./role-select";
import { FormError } from "@/components/ui/form-error";
import type { Role } from "@/lib/auth/roles";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import { ZCreateInvitationInput, type TCreateInvitationFormValues, type TCreateInvitationInput } from "@/lib/workspaces/schemas";

export function InviteForm({ workspaceSlug, grantableRoles, origin }: { workspaceSlug: string; grantableRoles: Role[]; origin: string }) {
  const { t } = useI18n();
  const [created, setCreated] = useState<{ link: string; email: string | null }>();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TCreateInvitationFormValues, unknown, TCreateInvitationInput>({
    resolver: zodResolver(ZCreateInvitationInput),
    defaultValues: { role: "viewer", email: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createInvitationAction(workspaceSlug, values);
    if (!result.ok) {
      applyFieldErrors(form.setError, result.fieldErrors);
      setFormError(result.error);
      return;
    }
    setCreated({ link: `${origin}/invite/${result.data.token}`, email: result.data.email });
    form.reset({ role: values.role, email: "" });
  });

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <div className="w-56">
          <RoleSelect label={t("workspace.inviteRole")} roles={grantableRoles} {...form.register("role")} />
        </div>
        <div className="w-72">
          <TextField
            label={t("access.inviteEmail")}
            type="email"
            autoComplete="off"
            hint={t("access.inviteEmailHint")}
            error={form.formState.errors.email?.message}
            {...form.register("email")}
          />
        </div>
        <Button type="submit" className="mt-6" disabled={form.formState.isSubmitting}>
          {t("workspace.createInvite")}
        </Button>
      </form>
      <FormError message={formError} />
      {created && (
        <div className="rounded-md border border-green-200 bg-green-50 p-3">
          <TextField
            label={created.email ? t("access.inviteLinkReadyFor", { email: created.email }) : t("access.inviteLinkReadyAnyone")}
            readOnly
            value={created.link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
