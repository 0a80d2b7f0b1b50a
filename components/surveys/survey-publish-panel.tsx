"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { closeSurveyAction, publishSurveyAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

type Props = {
  workspaceSlug: string;
  surveyId: string;
  status: "draft" | "published" | "closed";
  hasUnpublishedChanges: boolean;
  publicUrl: string | undefined;
};

/** Publish (or re-open), close and copy the public link, from the survey's overview. */
export function SurveyPublishPanel({ workspaceSlug, surveyId, status, hasUnpublishedChanges, publicUrl }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);

  const act = (action: typeof publishSurveyAction | typeof closeSurveyAction) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action(workspaceSlug, { surveyId });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });

  const publishLabel = status === "draft" ? t("survey.publish") : hasUnpublishedChanges ? t("survey.publishChanges") : t("survey.reopen");
  const canPublish = status === "draft" || hasUnpublishedChanges || status === "closed";

  return (
    <div className="space-y-3">
      {publicUrl && (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-800">{t("survey.publicLink")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <a href={publicUrl} className="break-all font-mono text-sm text-indigo-700 underline" target="_blank" rel="noreferrer">
              {publicUrl}
            </a>
            <Button
              variant="secondary"
              onClick={async () => {
                // The clipboard API needs a secure context; elsewhere the visible link is there to copy by hand.
                try {
                  await navigator.clipboard.writeText(publicUrl);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {t("survey.copyLink")}
            </Button>
            <span role="status" className="text-sm text-green-800">
              {copied ? t("survey.linkCopied") : ""}
            </span>
          </div>
          <p className="text-xs text-slate-600">{t("survey.linkHint")}</p>
        </div>
      )}
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        {canPublish && (
          <Button disabled={pending} onClick={() => act(publishSurveyAction)}>
            {publishLabel}
          </Button>
        )}
        {status === "published" && (
          <Button variant="secondary" disabled={pending} onClick={() => act(closeSurveyAction)}>
            {t("survey.closeSurvey")}
          </Button>
        )}
      </div>
    </div>
  );
}
