import { buttonClass } from "@/components/ui/button-class";
import type { Translate } from "@/lib/i18n/translator";
import { formatDate } from "./format";

type Option = { id: string; name: string; k: number; createdAt: Date };

/** Picks which saved segmentation the tab shows. A plain GET form, so it works before any script loads. */
export function SegmentationPicker({ options, selectedId, t, locale }: { options: Option[]; selectedId: string; t: Translate; locale: string }) {
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 space-y-1 sm:max-w-md">
        <label htmlFor="segmentation-picker" className="block text-sm font-medium text-slate-800">
          {t("personas.segmentationLabel")}
        </label>
        <select
          id="segmentation-picker"
          name="segmentation"
          defaultValue={selectedId}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm"
        >
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {t("personas.segmentationOption", { name: option.name, k: option.k, date: formatDate(locale, option.createdAt) })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        {t("personas.show")}
      </button>
    </form>
  );
}
