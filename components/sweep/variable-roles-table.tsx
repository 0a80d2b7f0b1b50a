"use client";

import { useI18n } from "@/components/i18n-provider";
import { DataTable } from "@/components/ui/data-table";
import type { MessageKey } from "@/lib/i18n/messages";
import type { DatasetVariable } from "@/lib/segmentation/dataset/variables";

export type VariableRole = "none" | "basis" | "descriptor";

/** The translated name of a variable: behavioural metrics by their metric, survey variables by their text. */
export function useVariableLabel() {
  const { t } = useI18n();
  return (variable: Pick<DatasetVariable, "id" | "label" | "source">) =>
    variable.source === "customer" ? t(`sweep.metric_${variable.id.slice("customer:".length)}` as MessageKey) : variable.label;
}

/** One row per variable, grouped by question, with a role select each (basis, descriptor or not used). */
export function VariableRolesTable({ variables, roleOf, onRole }: { variables: DatasetVariable[]; roleOf: (id: string) => VariableRole; onRole: (id: string, role: VariableRole) => void }) {
  const { t } = useI18n();
  const labelOf = useVariableLabel();
  const groups = [...new Map(variables.map((variable) => [variable.group, variable.source === "customer" ? t("sweep.customerGroup") : variable.groupLabel])).entries()];
  return (
    <DataTable caption={t("sweep.variablesTitle")} columns={[{ label: t("sweep.columnVariable") }, { label: t("sweep.columnMeasure") }, { label: t("sweep.columnRole") }]}>
      {groups.map(([group, groupLabel]) => [
        <tr key={`group-${group}`} className="bg-slate-50">
          <th colSpan={3} scope="colgroup" className="px-4 py-1.5 text-left text-xs font-semibold text-slate-700">
            {groupLabel}
          </th>
        </tr>,
        ...variables
          .filter((variable) => variable.group === group)
          .map((variable) => {
            const label = labelOf(variable);
            const role = roleOf(variable.id);
            return (
              <tr key={variable.id} className={role === "basis" ? "bg-indigo-50/60" : undefined}>
                <td className="px-4 py-1.5 text-slate-900">{label}</td>
                <td className="px-4 py-1.5 text-slate-600">{t(`sweep.measure_${variable.measure}` as MessageKey)}</td>
                <td className="px-4 py-1.5">
                  <select
                    aria-label={t("sweep.roleFor", { label })}
                    value={role}
                    onChange={(event) => onRole(variable.id, event.target.value as VariableRole)}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                  >
                    <option value="none">{t("sweep.roleNone")}</option>
                    <option value="basis">{t("sweep.roleBasis")}</option>
                    <option value="descriptor">{t("sweep.roleDescriptor")}</option>
                  </select>
                </td>
              </tr>
            );
          }),
      ])}
    </DataTable>
  );
}
