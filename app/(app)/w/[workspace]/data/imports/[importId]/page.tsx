import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportReport } from "@/components/customer-data/import-report";
import { ImportSettings } from "@/components/customer-data/import-settings";
import { MappingForm } from "@/components/customer-data/mapping-form";
import { PreviewTable } from "@/components/customer-data/preview-table";
import { JobProgress } from "@/components/jobs/job-progress";
import { FormError } from "@/components/ui/form-error";
import { PageHeader } from "@/components/ui/page-header";
import { countImportChunks, countImportErrors, getDataImport, listImportErrors } from "@/db/queries/data-imports";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";
import { importJson } from "@/lib/customers/import/import-json";
import { withSettledStatus } from "@/lib/customers/import/import-status";
import { limitMessage } from "@/lib/customers/import/limit-messages";
import { ZStartImportInput, type TStartImportFormValues } from "@/lib/customers/import/schemas";
import { importSettingsSummary } from "@/lib/customers/import/settings-summary";
import { isUuid } from "@/lib/ids";
import { getTranslator } from "@/lib/i18n/server";

const BAD_ROWS_SHOWN = 100;

export default async function ImportPage({ params }: PageProps<"/w/[workspace]/data/imports/[importId]">) {
  const { workspace: slug, importId } = await params;
  const ctx = await requireWorkspacePage(slug, "customers:read");
  if (!isUuid(importId)) notFound();
  const key = { workspaceId: ctx.workspace.id, importId };
  const found = await getDataImport(ctx.db, key);
  if (!found) notFound();
  const stored = await withSettledStatus(ctx.db, found);
  const { t, locale } = await getTranslator();
  const record = importJson(stored);
  const preview = record.preview;
  const base = `/w/${ctx.workspace.slug}`;
  const running = record.status === "queued" || record.status === "running";
  const ended = record.status === "failed" || record.status === "cancelled";
  // A cancel, or a limit no mapping can change, deletes the uploaded file: then only a new upload helps.
  const fileKept = ended ? (await countImportChunks(ctx.db, key)) > 0 : true;
  const startable = (record.status === "uploaded" || (ended && fileKept)) && preview && can(ctx.role, "customers:import");
  const finished = record.counts.rowsRead !== null && !running;
  const badRows = finished ? await listImportErrors(ctx.db, { ...key, limit: BAD_ROWS_SHOWN }) : [];
  const keptBadRows = badRows.length < BAD_ROWS_SHOWN ? badRows.length : await countImportErrors(ctx.db, key);
  // A limit's stop in the reader's language; other errors as the job wrote them.
  const error = record.stop ? limitMessage(record.stop, t, locale) : record.error;
  const defaults: TStartImportFormValues | undefined = preview
    ? ((record.settings as TStartImportFormValues | null) ?? {
        delimiter: preview.delimiter,
        decimalSeparator: preview.decimalSeparator,
        dateFormat: preview.dateFormat,
        timeZone: "UTC",
        badRowPolicy: "keep-good",
        mapping: preview.proposedMapping,
      })
    : undefined;
  // The settings of the last run, once it has read the file (before that, the mapping form shows them).
  const used = finished ? ZStartImportInput.safeParse(record.settings) : undefined;
  const [amount, unit] = record.byteSize < 1024 ? [record.byteSize, "byte"] : record.byteSize < 1024 ** 2 ? [record.byteSize / 1024, "kilobyte"] : [record.byteSize / 1024 ** 2, "megabyte"];
  const size = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: unit === "byte" ? "long" : "short", maximumFractionDigits: 1 }).format(amount);

  return (
    <div className="space-y-8">
      <div>
        <Link href={`${base}/data`} className="text-sm text-indigo-700 underline">
          {t("customerData.backToData")}
        </Link>
        <PageHeader
          title={record.fileName}
          description={`${t("customerData.fileSummary", { kind: t(`customerData.kind_${record.kind}`), size, date: new Date(record.createdAt).toLocaleString(locale) })} · ${t(`customerData.status_${record.status}`)}`}
        />
      </div>
      {error && <FormError message={error} />}
      {ended && !fileKept && !record.stop && <p className="text-sm text-slate-600">{t(record.status === "cancelled" ? "customerData.cancelledHint" : "customerData.fileDeletedHint")}</p>}
      {running && record.jobId && <JobProgress workspaceSlug={ctx.workspace.slug} jobId={record.jobId} unitLabel={t("customerData.rowsUnit")} canCancel={can(ctx.role, "jobs:manage")} />}
      {finished && <ImportReport record={record} badRows={badRows} keptBadRows={keptBadRows} downloadHref={`/api/v1/imports/${record.id}/errors?workspace=${ctx.workspace.slug}`} locale={locale} t={t} />}
      {used?.success && <ImportSettings lines={importSettingsSummary(record.kind, used.data)} t={t} />}
      {startable && defaults && (
        <>
          {record.status !== "uploaded" && <p className="text-sm text-slate-600">{t("customerData.retryHint")}</p>}
          <PreviewTable detection={preview} t={t} />
          <MappingForm
            workspaceSlug={ctx.workspace.slug}
            importId={record.id}
            kind={record.kind}
            columns={preview.columns}
            dateFormatAmbiguous={preview.dateFormatAmbiguous}
            defaults={defaults}
          />
        </>
      )}
    </div>
  );
}
