"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { IMPORT_KINDS, type TImportKind } from "@/lib/customers/import/schemas";

type Props = { workspaceSlug: string; maxBytes: number };

/**
 * Sends the chosen file as the raw request body, so the server streams it into the database
 * without a multipart parser holding it; the size is checked here first to spare a long upload.
 */
export function UploadForm({ workspaceSlug, maxBytes }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [kind, setKind] = useState<TImportKind>("transactions");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const maxMiB = Math.round(maxBytes / 1024 / 1024);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!file) return setError(t("customerData.chooseFile"));
    if (file.size > maxBytes) return setError(t("customerData.tooLarge", { max: String(maxMiB) }));
    setBusy(true);
    try {
      const query = new URLSearchParams({ kind, fileName: file.name });
      const response = await fetch(`/api/v1/imports?${query}`, { method: "POST", body: file, headers: { "content-type": "application/octet-stream", "x-workspace": workspaceSlug } });
      const body = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
      if (!response.ok || !body?.id) {
        setError(t("customerData.uploadFailed", { error: body?.error?.message ?? String(response.status) }));
        return;
      }
      router.push(`/w/${workspaceSlug}/data/imports/${body.id}`);
    } catch (cause) {
      setError(t("customerData.uploadFailed", { error: cause instanceof Error ? cause.message : String(cause) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold text-slate-900">{t("customerData.uploadTitle")}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("customerData.kind")} value={kind} onChange={(e) => setKind(e.target.value as TImportKind)}>
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`customerData.kind_${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          type="file"
          accept=".csv,.txt,.tsv,.gz,text/csv,application/gzip"
          label={t("customerData.file")}
          hint={t("customerData.fileHint", { max: String(maxMiB) })}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <FormError message={error} />
      <Button type="submit" disabled={busy}>
        {busy ? t("customerData.uploading") : t("customerData.upload")}
      </Button>
    </form>
  );
}
