"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createSurveyAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

/** Creates a draft survey from a JSON definition file; the server validates it with the designer's schema. */
export function ImportSurveyForm({ workspaceSlug, studyId }: { workspaceSlug: string; studyId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [file, setFile] = useState<File>();
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();

  const importFile = () =>
    startTransition(async () => {
      if (!file) return;
      let definition: unknown;
      try {
        const parsed = JSON.parse(await file.text()) as { questions?: unknown; definition?: unknown };
        // Accepts a bare definition or the API's export, which wraps it with the survey's metadata.
        definition = parsed && !parsed.questions && parsed.definition ? parsed.definition : parsed;
      } catch {
        setErrors([t("surveyStart.importNotJson")]);
        return;
      }
      const result = await createSurveyAction(workspaceSlug, { studyId, definition: definition as never });
      if (result.ok) {
        router.push(`/w/${workspaceSlug}/studies/${studyId}/survey/${result.data.id}/edit`);
        return;
      }
      const details = Object.entries(result.fieldErrors ?? {}).map(([field, messages]) => `${field.replace(/^definition\.?/, "") || "—"}: ${messages.join(", ")}`);
      setErrors([result.error, ...details]);
    });

  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium text-slate-800">
        {t("surveyStart.importFile")}
        <input type="file" accept="application/json,.json" className="mt-1 block text-sm" onChange={(event) => setFile(event.target.files?.[0])} />
      </label>
      <Button variant="secondary" disabled={!file || pending} onClick={importFile}>
        {t("surveyStart.importButton")}
      </Button>
      {errors.length > 0 && (
        <div>
          <FormError message={t("surveyStart.importFailed")} />
          <ul className="mt-2 list-disc pl-5 text-sm text-red-800">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
