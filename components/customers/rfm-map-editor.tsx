"use client";

import { useId, useState } from "react";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import type { MessageKey } from "@/lib/i18n/messages";
import { defaultRfmMap, RFM_SEGMENTS, rfmCode, type RfmMap, type RfmSegment } from "@/lib/customers/metrics/rfm-map";

// One tint per segment so a glance shows the map's shape (labels carry the meaning; colour only helps).
const TINT: Record<RfmSegment, string> = {
  champions: "bg-emerald-100",
  loyal: "bg-emerald-50",
  potential_loyalist: "bg-teal-50",
  new: "bg-sky-100",
  promising: "bg-sky-50",
  need_attention: "bg-amber-50",
  about_to_sleep: "bg-amber-100",
  at_risk: "bg-orange-100",
  cant_lose: "bg-red-100",
  hibernating: "bg-slate-100",
  lost: "bg-slate-200",
};

/** The 125-cell map as five R × F grids, one per M score, with a segment select per cell. */
export function RfmMapEditor({ value, onChange }: { value: RfmMap; onChange: (map: RfmMap) => void }) {
  const { t } = useI18n();
  const [m, setM] = useState(5);
  const groupId = useId();
  const label = (segment: RfmSegment) => t(`customerMetrics.seg_${segment}` as MessageKey);
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("customerMetrics.mapM")}</legend>
        <div className="mt-1 flex gap-2">
          {[1, 2, 3, 4, 5].map((score) => (
            <label key={score} className={`cursor-pointer rounded-md border px-3 py-1 text-sm ${m === score ? "border-indigo-600 bg-indigo-50 font-semibold" : "border-slate-300"}`}>
              <input type="radio" name={`${groupId}-m`} value={score} checked={m === score} onChange={() => setM(score)} className="sr-only" />
              M {score}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="overflow-x-auto">
        <table className="text-xs">
          <caption className="sr-only">{t("customerMetrics.mapTitle")} · M {m}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-1" />
              {[1, 2, 3, 4, 5].map((f) => (
                <th key={f} scope="col" className="px-1 py-1 text-slate-600">F {f}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[5, 4, 3, 2, 1].map((r) => (
              <tr key={r}>
                <th scope="row" className="px-1 text-slate-600">R {r}</th>
                {[1, 2, 3, 4, 5].map((f) => {
                  const code = rfmCode(r, f, m);
                  const segment = value[code] ?? "lost";
                  return (
                    <td key={f} className={`p-1 ${TINT[segment]}`}>
                      <select
                        aria-label={t("customerMetrics.mapCell", { r, f, m })}
                        value={segment}
                        onChange={(event) => onChange({ ...value, [code]: event.target.value as RfmSegment })}
                        className="w-36 rounded border border-slate-300 bg-white/80 px-1 py-1"
                      >
                        {RFM_SEGMENTS.map((s) => (
                          <option key={s} value={s}>{label(s)}</option>
                        ))}
                      </select>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="ghost" onClick={() => onChange(defaultRfmMap())}>{t("customerMetrics.resetMap")}</Button>
        <p className="text-xs text-slate-600">{t("customerMetrics.mapSource")}</p>
      </div>
    </div>
  );
}
