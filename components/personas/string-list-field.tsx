"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  legend: string;
  items: string[];
  onChange: (items: string[]) => void;
  onBlur: () => void;
  itemLabel: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  emptyText: string;
  itemErrors: (index: number) => string | undefined;
  listError?: string;
};

/** An editable list of one-line texts (goals, pains): add, edit, remove; a new line gets the focus. */
export function StringListField({ legend, items, onChange, onBlur, itemLabel, removeLabel, addLabel, emptyText, itemErrors, listError }: Props) {
  const baseId = useId();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const previousLength = useRef(items.length);
  useEffect(() => {
    if (items.length > previousLength.current) inputs.current[items.length - 1]?.focus();
    previousLength.current = items.length;
  }, [items.length]);

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-slate-900">{legend}</legend>
      {items.length === 0 && <p className="text-sm text-slate-600">{emptyText}</p>}
      <ol className="space-y-2">
        {items.map((item, index) => {
          const id = `${baseId}-${index}`;
          const error = itemErrors(index);
          return (
            <li key={index} className="space-y-1">
              <div className="flex items-center gap-2">
                <label htmlFor={id} className="sr-only">
                  {itemLabel(index + 1)}
                </label>
                <span aria-hidden="true" className="w-5 shrink-0 text-right text-sm text-slate-500">
                  {index + 1}.
                </span>
                <input
                  id={id}
                  ref={(element) => {
                    inputs.current[index] = element;
                  }}
                  value={item}
                  onChange={(event) => onChange(items.map((old, i) => (i === index ? event.target.value : old)))}
                  onBlur={onBlur}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? `${id}-error` : undefined}
                  maxLength={300}
                  className="block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-600"
                />
                <Button variant="ghost" aria-label={removeLabel(index + 1)} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  <span aria-hidden="true">✕</span>
                </Button>
              </div>
              {error && (
                <p id={`${id}-error`} role="alert" className="pl-7 text-sm text-red-700">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {listError && (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      )}
      <Button variant="secondary" onClick={() => onChange([...items, ""])}>
        {addLabel}
      </Button>
    </fieldset>
  );
}
