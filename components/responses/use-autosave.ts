"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { loadProgressAction, saveProgressAction } from "@/app/(public)/s/[publicId]/actions";
import { checkPartialAnswers } from "@/lib/responses/partial-answers";
import type { SurveyDefinition } from "@/lib/surveys/definition";
import { forgetProgressKey, progressKeyFor, storedProgressKey } from "./progress-key";

export type AutosaveState = "restoring" | "idle" | "saving" | "saved" | "error";

const DEBOUNCE_MS = 800;

type Options<T extends FieldValues> = {
  publicId: string;
  definition: SurveyDefinition;
  form: UseFormReturn<T>;
  language: string;
  customerId?: string;
  /** A personal link's token: its customer id is bound at the final submit, not from autosaves. */
  token?: string;
  startedAt: () => string | undefined;
  /** The browser finished this survey earlier but never saw the reply: show the thank-you. */
  onAlreadyComplete: () => void;
  /** Saved answers were put back into the form (after a reload or on reopening the link). */
  onRestored?: (lastQuestionId: string | null) => void;
  /** The researcher's preview: nothing is restored or saved. */
  disabled?: boolean;
};

/**
 * Saves the respondent's answers as they go (debounced, one request at a time, only answers that
 * pass the survey's schema) and, when the link is reopened in the same browser, restores them
 * and scrolls to the last question answered.
 */
export function useAutosave<T extends FieldValues>({ publicId, definition, form, language, customerId, token, startedAt, onAlreadyComplete, onRestored, disabled = false }: Options<T>) {
  const [state, setState] = useState<AutosaveState>(() => (disabled ? "idle" : "restoring"));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const lastSent = useRef("");
  const lastQuestion = useRef<string | undefined>(undefined);
  const completed = useRef(false);
  const optionsRef = useRef({ definition, form, language, customerId, token, startedAt, onAlreadyComplete, onRestored });
  optionsRef.current = { definition, form, language, customerId, token, startedAt, onAlreadyComplete, onRestored };

  const save = useCallback(async () => {
    const { definition, form, language, customerId, token, startedAt } = optionsRef.current;
    if (completed.current) return;
    const answers = checkPartialAnswers(definition, form.getValues()).answers;
    const body = JSON.stringify(answers);
    if (body === lastSent.current || (body === "{}" && !storedProgressKey(publicId))) return;
    lastSent.current = body;
    setState("saving");
    const input = { publicId, submissionKey: progressKeyFor(publicId), answers, language, customerId, token, startedAt: startedAt(), lastQuestionId: lastQuestion.current };
    try {
      const result = await saveProgressAction(input as never);
      setState(result.ok ? "saved" : "error");
      if (!result.ok) lastSent.current = "";
    } catch {
      // Offline for a moment: the next change (or leaving the page) tries again.
      lastSent.current = "";
      setState("error");
    }
  }, [publicId]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    inFlight.current = inFlight.current.then(save);
    return inFlight.current;
  }, [save]);

  // Restore once, then watch for changes.
  useEffect(() => {
    if (disabled) return;
    let cancelled = false;
    const key = storedProgressKey(publicId);
    const restore = key ? loadProgressAction({ publicId, submissionKey: key }) : Promise.resolve(undefined);
    restore
      .then((result) => {
        if (cancelled || !result?.ok) return;
        const { form, onAlreadyComplete, onRestored } = optionsRef.current;
        if (result.data.status === "complete") {
          forgetProgressKey(publicId);
          onAlreadyComplete();
        } else if (result.data.status === "partial") {
          form.reset({ ...form.getValues(), ...result.data.answers } as T);
          lastSent.current = JSON.stringify(result.data.answers);
          const last = result.data.lastQuestionId;
          if (last) document.querySelector(`[name^="${CSS.escape(last)}"]`)?.scrollIntoView({ block: "center" });
          // After the scroll, so a form that moves to another page starts that page at its top.
          onRestored?.(last ?? null);
        }
      })
      .catch(() => undefined)
      .finally(() => !cancelled && setState("idle"));
    return () => {
      cancelled = true;
    };
  }, [publicId, disabled]);

  const restoring = state === "restoring";
  useEffect(() => {
    if (restoring || disabled) return;
    const subscription = form.watch((_values, { name }) => {
      // form.reset (restoring) reports no field name: nothing new to save.
      if (!name) return;
      lastQuestion.current = String(name).split(".")[0];
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, DEBOUNCE_MS);
    });
    const onHide = () => document.visibilityState === "hidden" && void flush();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener("visibilitychange", onHide);
      clearTimeout(timer.current);
    };
  }, [form, flush, restoring, disabled]);

  return {
    state,
    submissionKey: () => progressKeyFor(publicId),
    /** Waits for a save in flight, so the final submit lands after it. */
    settle: () => {
      clearTimeout(timer.current);
      return inFlight.current;
    },
    forget: () => {
      completed.current = true;
      forgetProgressKey(publicId);
    },
  };
}
