"use client";

import { useI18n } from "@/components/i18n-provider";
import type { AutosaveState } from "./use-autosave";

/** A quiet, screen-reader-announced line telling the respondent their answers are kept. */
export function AutosaveStatus({ state }: { state: AutosaveState }) {
  const { t } = useI18n();
  const text = {
    restoring: t("responses.respondentRestoring"),
    idle: "",
    saving: t("responses.respondentSaving"),
    saved: t("responses.respondentSaved"),
    error: t("responses.respondentSaveFailed"),
  }[state];
  return (
    <p role="status" aria-live="polite" className={`min-h-5 text-sm ${state === "error" ? "text-amber-800" : "text-slate-600"}`}>
      {text}
    </p>
  );
}
