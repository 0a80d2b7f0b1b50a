"use client";

import { useMemo, useState } from "react";
import type { FieldErrors, FieldValues, UseFormReturn } from "react-hook-form";
import { pageOfQuestion, splitIntoPages } from "@/lib/surveys/survey-pages";

/**
 * One page of the respondent form at a time. "Next" validates only the current page's questions
 * with the survey's own schema (the form's resolver); answers on other pages stay in the form.
 */
export function useSurveyPages<Q extends { id: string; pageBreakBefore?: boolean }, T extends FieldValues>(questions: readonly Q[], form: UseFormReturn<T>) {
  const pages = useMemo(() => splitIntoPages(questions), [questions]);
  const [index, setIndex] = useState(0);
  const page = Math.min(index, Math.max(pages.length - 1, 0));
  const go = (to: number) => {
    setIndex(to);
    // A new page starts at its top, like a new screen would.
    if (typeof window !== "undefined") window.scrollTo({ top: 0 });
  };
  return {
    pages,
    page,
    current: pages[page] ?? [],
    isLast: page >= pages.length - 1,
    /** Moves on when the current page's answers pass the schema; false (with errors shown) when not. */
    next: async () => {
      const valid = await form.trigger((pages[page] ?? []).map((question) => question.id) as never);
      if (valid) go(page + 1);
      return valid;
    },
    back: () => go(Math.max(page - 1, 0)),
    /** After a failed submit: show the first page with a problem. */
    showFirstError: (errors: FieldErrors<T>) => {
      const target = pageOfQuestion(pages, Object.keys(errors));
      if (target !== undefined && target !== page) go(target);
    },
  };
}
