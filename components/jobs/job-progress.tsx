"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { JobJson } from "@/lib/jobs/job-json";

type Props = {
  workspaceSlug: string;
  jobId: string;
  /** Shown after the count, e.g. "rows" (already translated). */
  unitLabel?: string;
  /** Called once when the job ends; by default the page's server data is refreshed. */
  onFinished?: (job: JobJson) => void;
  canCancel?: boolean;
};

const TERMINAL = new Set(["succeeded", "failed", "cancelled"]);
/** Stages that jobs report as codes; anything else (a sweep's "k = 4") is shown as it comes. */
const STAGE_MESSAGES = { reading: "jobs.stage_reading", saving: "jobs.stage_saving", compute: "jobs.stage_compute", done: "jobs.stage_done" } as const;

/**
 * Live progress of a background job, polled from /api/v1/jobs/:id. The job row is the truth, so a
 * reload or another member's browser shows the same progress, whichever instance runs the job.
 */
export function JobProgress({ workspaceSlug, jobId, unitLabel, onFinished, canCancel = true }: Props) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [job, setJob] = useState<JobJson | null>(null);
  const [pollFailed, setPollFailed] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/jobs/${jobId}?workspace=${encodeURIComponent(workspaceSlug)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as JobJson;
        if (stopped) return;
        setJob(next);
        setPollFailed(false);
        if (TERMINAL.has(next.status)) {
          if (onFinished) onFinished(next);
          else router.refresh();
          return;
        }
      } catch {
        if (!stopped) setPollFailed(true);
      }
      if (!stopped) timer = setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
    // onFinished is deliberately not a dependency: a new closure must not restart polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId, workspaceSlug, router]);

  const cancel = async () => {
    const response = await fetch(`/api/v1/jobs/${jobId}/cancel`, { method: "POST", headers: { "x-workspace": workspaceSlug } });
    if (response.ok) setJob((await response.json()) as JobJson);
  };

  const format = (value: number) => new Intl.NumberFormat(locale).format(value);
  const progress = job?.progress;
  const unit = unitLabel ?? progress?.unit ?? "";
  const status = job?.status ?? "queued";
  const countText = progress
    ? progress.total
      ? t("jobs.progressOf", { done: format(progress.done), total: format(progress.total), unit })
      : t("jobs.progressDone", { done: format(progress.done), unit })
    : "";
  const statusText =
    status === "failed"
      ? t("jobs.failed", { error: job?.error ?? "" })
      : job?.cancelRequested && status === "running"
        ? t("jobs.cancelRequested")
        : t(`jobs.${status}`);
  const stage = progress?.stage;
  const stageText = stage && stage in STAGE_MESSAGES ? t(STAGE_MESSAGES[stage as keyof typeof STAGE_MESSAGES]) : stage;
  const percent = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : status === "succeeded" ? 100 : 0;

  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3" aria-live="polite">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        <span className={status === "failed" ? "font-medium text-red-700" : "font-medium"}>
          {stageText ? `${stageText} · ` : ""}
          {statusText}
        </span>
        <span>{countText}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("jobs.progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={countText || statusText}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      {pollFailed && <p className="text-sm text-amber-800">{t("jobs.pollFailed")}</p>}
      {canCancel && !TERMINAL.has(status) && !job?.cancelRequested && (
        <Button variant="secondary" onClick={cancel}>
          {t("jobs.cancel")}
        </Button>
      )}
    </div>
  );
}
