"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { JobProgress } from "@/components/jobs/job-progress";
import { Button } from "@/components/ui/button";
import { recomputeCustomerMetricsAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/customers/actions";

/** Queues a recomputation and follows its job; a job already running when the page loaded is followed too. */
export function RecomputeButton({ workspaceSlug, studyId, pendingJobId }: { workspaceSlug: string; studyId: string; pendingJobId: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [jobId, setJobId] = useState<string | null>(pendingJobId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        disabled={busy || jobId !== null}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await recomputeCustomerMetricsAction(workspaceSlug, { studyId });
          setBusy(false);
          if (result.ok) setJobId(result.data.jobId);
          else setError(result.error);
        }}
      >
        {t("customerMetrics.recompute")}
      </Button>
      {jobId && (
        <JobProgress
          workspaceSlug={workspaceSlug}
          jobId={jobId}
          onFinished={() => {
            setJobId(null);
            router.refresh();
          }}
        />
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
