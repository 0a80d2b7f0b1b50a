"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { DetectedColumn } from "@/lib/customers/import/detect";
import { DELIMITER_NAMES } from "@/lib/customers/import/settings-summary";
import { BAD_ROW_POLICIES, DELIMITERS, FIELDS_BY_KIND, ZStartImportInput, type TImportKind, type TStartImportFormValues, type TStartImportInput } from "@/lib/customers/import/schemas";
import { DATE_FORMATS } from "@/lib/customers/import/values";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";

type Props = {
  workspaceSlug: string;
  importId: string;
  kind: TImportKind;
  columns: DetectedColumn[];
  dateFormatAmbiguous: boolean;
  defaults: TStartImportFormValues;
};

const ZONES = ["UTC", "Europe/Helsinki", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/London", "Europe/Berlin", "America/New_York"];

/** The mapping step: options and column choices, checked by the same schema on the server. */
export function MappingForm({ workspaceSlug, importId, kind, columns, dateFormatAmbiguous, defaults }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const form = useForm<TStartImportFormValues, unknown, TStartImportInput>({ resolver: zodResolver(ZStartImportInput), defaultValues: defaults });
  const errors = form.formState.errors;
  const attributes = form.watch("mapping.attributes") ?? [];

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const response = await fetch(`/api/v1/imports/${importId}/start`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-workspace": workspaceSlug },
      body: JSON.stringify(values),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message: string; fieldErrors?: Record<string, string[]> } } | null;
      setError(t("customerData.startFailed", { error: body?.error?.message ?? String(response.status) }));
      applyFieldErrors(form.setError, body?.error?.fieldErrors);
      return;
    }
    router.refresh();
  });

  const columnOptions = (
    <>
      <option value="">{t("customerData.notMapped")}</option>
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name} ({t(`customerData.type_${c.type}`)})
        </option>
      ))}
    </>
  );
  const fieldError = (name: string) => (errors.mapping as Record<string, { message?: string }> | undefined)?.[name]?.message;

  const toggleAttribute = (column: string, keep: boolean, type: "text" | "number") => {
    const rest = attributes.filter((a) => a.column !== column);
    const next = keep ? [...rest, { column, type }] : rest;
    // Keep the file's column order, whatever order the boxes were ticked in.
    next.sort((a, b) => columns.findIndex((c) => c.name === a.column) - columns.findIndex((c) => c.name === b.column));
    form.setValue("mapping.attributes", next, { shouldDirty: true });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("customerData.mappingTitle")}</h2>
        <p className="text-sm text-slate-600">{t("customerData.mappingIntro")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField label={t("customerData.delimiter")} hint={t("customerData.delimiterHint")} error={errors.delimiter?.message} {...form.register("delimiter")}>
          {DELIMITERS.map((d) => (
            <option key={d} value={d}>
              {t(`customerData.delimiter_${DELIMITER_NAMES[d]}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("customerData.decimalSeparator")} error={errors.decimalSeparator?.message} {...form.register("decimalSeparator")}>
          <option value="point">{t("customerData.decimal_point")}</option>
          <option value="comma">{t("customerData.decimal_comma")}</option>
        </SelectField>
        <SelectField
          label={t("customerData.dateFormat")}
          hint={dateFormatAmbiguous ? t("customerData.ambiguousDates") : undefined}
          error={errors.dateFormat?.message}
          {...form.register("dateFormat")}
        >
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`customerData.dateFormat_${f}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("customerData.timeZone")} hint={t("customerData.timeZoneHint")} list="import-time-zones" error={errors.timeZone?.message} {...form.register("timeZone")} />
        <datalist id="import-time-zones">
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {FIELDS_BY_KIND[kind].map((field) => (
          <SelectField key={field} label={t(`customerData.field_${field}`)} error={fieldError(field)} {...form.register(`mapping.${field}`)}>
            {columnOptions}
          </SelectField>
        ))}
      </div>
      {kind === "transactions" && <p className="text-xs text-slate-600">{t("customerData.amountHint")}</p>}

      {kind === "transactions" && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">{t("customerData.cancellationTitle")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={t("customerData.cancelPrefix")} hint={t("customerData.cancelPrefixHint")} {...form.register("mapping.cancellation.orderIdPrefix")} />
            <SelectField label={t("customerData.cancelColumn")} error={(errors.mapping?.cancellation as { column?: { message?: string } } | undefined)?.column?.message} {...form.register("mapping.cancellation.column")}>
              {columnOptions}
            </SelectField>
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" className="h-4 w-4" {...form.register("mapping.cancellation.negative")} />
            {t("customerData.cancelNegative")}
          </label>
        </fieldset>
      )}

      {kind === "customers" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("customerData.attributesTitle")}</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {columns
              .filter((c) => c.name !== form.watch("mapping.customerId"))
              .map((c) => {
                const chosen = attributes.find((a) => a.column === c.name);
                return (
                  <li key={c.name} className="flex items-center gap-3">
                    <label className="flex flex-1 items-center gap-2 text-sm text-slate-800">
                      <input type="checkbox" className="h-4 w-4" checked={Boolean(chosen)} onChange={(e) => toggleAttribute(c.name, e.target.checked, chosen?.type ?? (c.type === "number" ? "number" : "text"))} />
                      <span className="sr-only">{t("customerData.attributeKeep", { column: c.name })}</span>
                      <span aria-hidden>{c.name}</span>
                    </label>
                    <select
                      aria-label={t("customerData.attributeType", { column: c.name })}
                      className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                      value={chosen?.type ?? (c.type === "number" ? "number" : "text")}
                      disabled={!chosen}
                      onChange={(e) => toggleAttribute(c.name, true, e.target.value as "text" | "number")}
                    >
                      <option value="text">{t("customerData.attr_text")}</option>
                      <option value="number">{t("customerData.attr_number")}</option>
                    </select>
                  </li>
                );
              })}
          </ul>
        </fieldset>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("customerData.badRowPolicy")}</legend>
        {BAD_ROW_POLICIES.map((policy) => (
          <label key={policy} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" value={policy} className="h-4 w-4" {...form.register("badRowPolicy")} />
            {t(`customerData.policy_${policy}`)}
          </label>
        ))}
      </fieldset>

      <FormError message={error} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("customerData.starting") : t("customerData.startImport")}
      </Button>
    </form>
  );
}
