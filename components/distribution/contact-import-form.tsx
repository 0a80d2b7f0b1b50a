"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { importContactsAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/[surveyId]/distribute/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FieldShell, TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { RowProblem } from "@/lib/distribution/contact-csv";
import { ZImportContactsInput, type TImportContactsInput } from "@/lib/distribution/schemas";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";

type Report = { rows: number; inserted: number; updated: number; problems: RowProblem[] };

/** CSV upload (file or pasted text) and the validation report: every bad row with its line and reason. */
export function ContactImportForm({ workspaceSlug, surveyId }: { workspaceSlug: string; surveyId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const form = useForm<TImportContactsInput>({ resolver: zodResolver(ZImportContactsInput), defaultValues: { surveyId, csv: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await importContactsAction(workspaceSlug, values);
    if (!result.ok) {
      setError(result.error);
      applyFieldErrors(form.setError, result.fieldErrors);
      return;
    }
    setReport(result.data);
    form.reset({ surveyId, csv: "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FieldShell label={t("distribution.csvFile")}>
        {({ id }) => (
          <input
            id={id}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="block w-full text-sm"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) form.setValue("csv", await file.text(), { shouldValidate: true });
            }}
          />
        )}
      </FieldShell>
      <TextAreaField label={t("distribution.csvText")} hint={t("distribution.csvTextHint")} rows={5} className="font-mono" error={form.formState.errors.csv?.message} {...form.register("csv")} />
      <FormError message={error} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("distribution.importing") : t("distribution.importContacts")}
      </Button>
      {report && (
        <div className="space-y-3">
          <p role="status" className="text-sm text-slate-800">
            {t("distribution.importResult", { rows: report.rows, inserted: report.inserted, updated: report.updated, problems: report.problems.length })}
          </p>
          {report.problems.length > 0 && (
            <DataTable caption={t("distribution.problemsTitle")} showCaption columns={[{ label: t("distribution.line") }, { label: t("distribution.email") }, { label: t("distribution.reason") }]}>
              {report.problems.map((problem) => (
                <tr key={`${problem.line}-${problem.code}`}>
                  <td className="px-4 py-2 tabular-nums">{problem.line}</td>
                  <td className="break-all px-4 py-2">{problem.email}</td>
                  <td className="px-4 py-2" title={problem.message}>
                    {t(`distribution.reason_${problem.code}`)}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      )}
    </form>
  );
}
