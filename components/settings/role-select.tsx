"use client";

import type { Ref, SelectHTMLAttributes } from "react";
import { useI18n } from "@/components/i18n-provider";
import { SelectField } from "@/components/ui/field";
import type { Role } from "@/lib/auth/roles";

/** A role picker offering only the roles the signed-in member may grant. */
export function RoleSelect({ label, roles, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; roles: Role[]; ref?: Ref<HTMLSelectElement> }) {
  const { t } = useI18n();
  return (
    <SelectField label={label} {...props}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`shell.role_${role}`)}
        </option>
      ))}
    </SelectField>
  );
}
