"use client";

import { useI18n } from "@/components/i18n-provider";
import type { BatteryOption, SurveyBasisOption } from "@/lib/segmentation/list-basis-options";
import { formatNumber } from "./number-format";
import { SampleSizeWarning } from "./sample-size-warning";

/** What the chosen battery gives k-means to work with, and Dolnicar's sample-size warning before the run. */
export function BasisSummary({ survey, battery }: { survey: SurveyBasisOption | undefined; battery: BatteryOption | undefined }) {
  const { t, locale } = useI18n();
  if (survey && survey.batteries.length === 0) {
    return <p className="text-sm text-slate-700">{t("segments.noBatteries")}</p>;
  }
  if (!battery) return null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {t("segments.batteryHint", { statements: battery.statementCount, usable: formatNumber(locale, battery.usableResponses) })}
      </p>
      {battery.usableResponses < battery.recommendedMinimum && (
        <SampleSizeWarning usable={battery.usableResponses} minimum={battery.recommendedMinimum} statements={battery.statementCount} />
      )}
    </div>
  );
}
