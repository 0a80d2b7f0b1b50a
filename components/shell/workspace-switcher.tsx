"use client";

import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n-provider";

type Option = { slug: string; name: string };

export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: Option[] }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <select
      aria-label={t("shell.switchWorkspace")}
      className="max-w-48 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-medium"
      value={current}
      onChange={(event) => router.push(event.target.value === "__new" ? "/workspaces" : `/w/${event.target.value}`)}
    >
      {workspaces.map((workspace) => (
        <option key={workspace.slug} value={workspace.slug}>
          {workspace.name}
        </option>
      ))}
      <option value="__new">+ {t("shell.newWorkspace")}</option>
    </select>
  );
}
