"use client";

import { useRef, useState } from "react";
import type { FieldErrors, FieldValues, UseFormReturn } from "react-hook-form";
import { pageOfQuestion, resumePageId, type SurveyPage } from "@/lib/surveys/survey-pages";

/**
 * One page of the respondent form at a time. Only pages with a question shown for the answers
 * so far take part: a page hidden by its condition (or all of whose questions are hidden) is
 * skipped by Next and Back and not counted in "Page x of y". The current page is kept by id, so
 * a page appearing or disappearing earlier in the survey does not move the respondent.
 * "Next" validates only the current page's questions with the survey's own schema (the form's
 * resolver); answers on other pages stay in the form.
 */
export function useSurveyPages<Q extends { id: string }, T extends FieldValues>(allPages: readonly SurveyPage<Q>[], visible: ReadonlySet<string>, form: UseFormReturn<T>) {
  const pages = allPages.filter((page) => page.questions.some((question) => visible.has(question.id)));
  const [currentId, setCurrentId] = useState<string>();
  const latest = useRef(allPages);
  latest.current = allPages;

  let page = currentId === undefined ? 0 : pages.findIndex((p) => p.id === currentId);
  if (page < 0) {
    // The current page was hidden by a changed answer: continue with the next shown one.
    const from = allPages.findIndex((p) => p.id === currentId);
    const next = pages.findIndex((p) => allPages.indexOf(p) > from);
    page = next < 0 ? Math.max(pages.length - 1, 0) : next;
  }
  const go = (to: number) => {
    setCurrentId(pages[to]?.id);
    // A new page starts at its top, like a new screen would.
    if (typeof window !== "undefined") window.scrollTo({ top: 0 });
  };
  const current = pages[page]?.questions ?? [];
  return {
    pages,
    page,
    current,
    isLast: page >= pages.length - 1,
    /** Moves on when the current page's answers pass the schema; false (with errors shown) when not. */
    next: async () => {
      const valid = await form.trigger(current.map((question) => question.id) as never);
      if (valid) go(page + 1);
      return valid;
    },
    back: () => go(Math.max(page - 1, 0)),
    /** After a failed submit: show the first page with a problem. */
    showFirstError: (errors: FieldErrors<T>) => {
      const target = pageOfQuestion(pages.map((p) => p.questions), Object.keys(errors));
      if (target !== undefined && target !== page) go(target);
    },
    /**
     * After restoring saved answers: go to the page to continue on. Called from a promise, so it
     * reads the latest pages and the visibility of the restored answers rather than this render's.
     */
    resume: (restoredVisible: ReadonlySet<string>, needsAnswer: ReadonlySet<string>, lastQuestionId?: string | null) => {
      const shown = latest.current.filter((p) => p.questions.some((question) => restoredVisible.has(question.id)));
      const target = resumePageId(shown, needsAnswer, lastQuestionId);
      if (target && target !== shown[0]?.id) {
        setCurrentId(target);
        if (typeof window !== "undefined") window.scrollTo({ top: 0 });
      }
    },
  };
}
