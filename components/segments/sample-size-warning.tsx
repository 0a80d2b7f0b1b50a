"use client";

import { useI18n } from "@/components/i18n-provider";
import { formatNumber } from "./number-format";

/** Dolnicar's rule of thumb (100 respondents per basis variable): a warning, never a block. */
export function SampleSizeWarning({ usable, minimum, statements }: { usable: number; minimum: number; statements: number }) {
  const { t, locale } = useI18n();
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t("segments.sampleWarning", { usable: formatNumber(locale, usable), minimum: formatNumber(locale, minimum), statements })}
    </p>
  );
}
