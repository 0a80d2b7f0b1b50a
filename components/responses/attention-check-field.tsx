"use client";

import { useId } from "react";
import { useWatch } from "react-hook-form";
import { useI18n } from "@/components/i18n-provider";
import { useDesignerForm } from "@/components/surveys/designer/designer-context";
import { localized, type LocalizedText } from "@/lib/surveys/definition";

// Designer form values: labels may be absent or half-typed while editing.
type Choice = { code: number; label?: unknown };

/**
 * Designer control for an attention check ("please choose Agree here"): a checkbox, and the
 * expected answer. A response answering otherwise gets the attention_failed quality flag.
 */
export function AttentionCheckField({ name, choices, subject }: { name: string; choices: Choice[]; subject: string }) {
  const { t } = useI18n();
  const { form, defaultLanguage } = useDesignerForm();
  const path = name as "title";
  const value = useWatch({ control: form.control, name: path }) as { expectedCode: number } | undefined;
  const id = useId();
  const label = (choice: Choice) => `${choice.code} – ${localized(choice.label as LocalizedText | undefined, defaultLanguage, defaultLanguage) || "…"}`;
  const set = (next: { expectedCode: number } | undefined) => form.setValue(path, next as never, { shouldDirty: true });

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          className="h-4 w-4 accent-indigo-700"
          checked={value !== undefined}
          onChange={(event) => set(event.target.checked && choices[0] ? { expectedCode: choices[choices.length - 1]!.code } : undefined)}
          aria-label={`${t("responses.attentionCheck")}: ${subject}`}
        />
        {t("responses.attentionCheck")}
      </label>
      {value !== undefined && (
        <span className="flex items-center gap-2">
          <label htmlFor={id}>{t("responses.attentionExpected")}</label>
          <select
            id={id}
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
            value={value.expectedCode}
            onChange={(event) => set({ expectedCode: Number(event.target.value) })}
          >
            {choices.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {label(choice)}
              </option>
            ))}
          </select>
        </span>
      )}
    </div>
  );
}
