"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignNewRespondentsAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/segments/solution-actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { formatNumber } from "../number-format";

/** One button: place later responses by nearest centroid, then refresh the page's sizes over time and membership. */
export function AssignRespondents({ workspaceSlug, segmentationId }: { workspaceSlug: string; segmentationId: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();

  async function onAssign() {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    const result = await assignNewRespondentsAction(workspaceSlug, { segmentationId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMessage(t("segmentSolution.assignDone", { assigned: formatNumber(locale, result.data.assigned), incomplete: formatNumber(locale, result.data.incomplete) }));
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div className="flex items-center gap-3">
        <Button onClick={onAssign} disabled={busy} aria-busy={busy}>{t("segmentSolution.assignButton")}</Button>
        <span role="status" className="text-sm text-slate-700">{busy ? t("segmentSolution.assigning") : message}</span>
      </div>
    </div>
  );
}
