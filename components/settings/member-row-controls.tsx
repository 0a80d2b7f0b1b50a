"use client";

import { useState, useTransition } from "react";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/errors";
import type { Revoked } from "@/lib/workspaces/members";
import { useMembersNotice } from "./members-notice";

export function MemberRowControls(props: { workspaceSlug: string; userId: string; name: string; role: Role; grantableRoles: Role[] }) {
  const { t } = useI18n();
  const setNotice = useMembersNotice();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  // Both actions report what they revoked with the change; the page shows it above the table.
  const run = (action: () => Promise<ActionResult<{ revoked: Revoked }>>, text: string) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? undefined : result.error);
      if (result.ok) setNotice({ text, revoked: result.data.revoked });
    });
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <select
        aria-label={t("workspace.changeRole", { name: props.name })}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
        defaultValue={props.role}
        disabled={pending}
        onChange={(event) => {
          const role = event.target.value as Role;
          run(
            () => changeMemberRoleAction(props.workspaceSlug, { userId: props.userId, role }),
            t("access.roleChangedNotice", { name: props.name, role: t(`shell.role_${role}`) }),
          );
        }}
      >
        {props.grantableRoles.map((role) => (
          <option key={role} value={role}>
            {t(`shell.role_${role}`)}
          </option>
        ))}
      </select>
      <Button
        variant="ghost"
        disabled={pending}
        onClick={() => run(() => removeMemberAction(props.workspaceSlug, { userId: props.userId }), t("access.removedNotice", { name: props.name }))}
      >
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
