"use client";

import { useState, useTransition } from "react";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";

export function MemberRowControls(props: { workspaceSlug: string; userId: string; name: string; role: Role; grantableRoles: Role[] }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? undefined : result.error);
    });
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <select
        aria-label={t("workspace.changeRole", { name: props.name })}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
        defaultValue={props.role}
        disabled={pending}
        onChange={(event) =>
          run(() => changeMemberRoleAction(props.workspaceSlug, { userId: props.userId, role: event.target.value as Role }))
        }
      >
        {props.grantableRoles.map((role) => (
          <option key={role} value={role}>
            {t(`shell.role_${role}`)}
          </option>
        ))}
      </select>
      <Button variant="ghost" disabled={pending} onClick={() => run(() => removeMemberAction(props.workspaceSlug, { userId: props.userId }))}>
        {t("workspace.removeMember")}
      </Button>
      {error && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
