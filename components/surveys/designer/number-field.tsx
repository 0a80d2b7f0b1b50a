"use client";

import { TextField } from "@/components/ui/field";
import { useDesignerForm } from "./designer-context";

/** A number setting of a question; an emptied optional field becomes "not set" rather than 0. */
export function NumberField({ name, label, hint, optional = false, step }: { name: string; label: string; hint?: string; optional?: boolean; step?: string }) {
  const { form, errorOf } = useDesignerForm();
  return (
    <TextField
      type="number"
      inputMode="decimal"
      step={step ?? "any"}
      label={label}
      hint={hint}
      error={errorOf(name)}
      {...form.register(name as never, { setValueAs: (value: unknown) => (value === "" || value === null || value === undefined ? (optional ? undefined : Number.NaN) : Number(value)) })}
    />
  );
}

/** A yes/no setting of a question. */
export function CheckboxField({ name, label }: { name: string; label: string }) {
  const { form } = useDesignerForm();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...form.register(name as never)} />
      {label}
    </label>
  );
}
