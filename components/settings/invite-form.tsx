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
import { ZCreateInvitationInput, type TCreateInvitationInput } from "@/lib/workspaces/schemas";

export function InviteForm({ workspaceSlug, grantableRoles, origin }: { workspaceSlug: string; grantableRoles: Role[]; origin: string }) {
  const { t } = useI18n();
  const [link, setLink] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const form = useForm<TCreateInvitationInput>({ resolver: zodResolver(ZCreateInvitationInput), defaultValues: { role: "viewer" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await createInvitationAction(workspaceSlug, values);
    if (result.ok) setLink(`${origin}/invite/${result.data.token}`);
    else setFormError(result.error);
  });

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <div className="w-56">
          <RoleSelect label={t("workspace.inviteRole")} roles={grantableRoles} {...form.register("role")} />
        </div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("workspace.createInvite")}
        </Button>
      </form>
      <FormError message={formError} />
      {link && (
        <div className="rounded-md border border-green-200 bg-green-50 p-3">
          <TextField label={t("workspace.inviteLinkReady")} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
