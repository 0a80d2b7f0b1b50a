"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { submitResponseAction } from "@/app/(public)/s/[publicId]/actions";
import { useI18n } from "@/components/i18n-provider";
import { AutosaveStatus } from "@/components/responses/autosave-status";
import { useAutosave } from "@/components/responses/use-autosave";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { Locale } from "@/lib/i18n/locales";
import { answersSchema, type Answers } from "@/lib/surveys/answers";
import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import { isBlankAnswer, visibleQuestionIds } from "@/lib/surveys/display-logic";
import { applyDisplayOrder, displayOrderOf, isRandomised, type DisplayOrder } from "@/lib/surveys/display-order";
import { primeMaxDiffDesigns } from "@/lib/surveys/maxdiff-question";
import { QuestionControl } from "./question-control";

type Props = {
  publicId: string;
  definition: SurveyDefinition;
  language: Locale;
  customerId?: string;
  token?: string;
  /** MaxDiff designs computed on the server (maxDiffDesignsOf), so the browser need not generate them. */
  maxDiffDesigns?: Record<string, string[][][]>;
};

/** The respondent's form: validated here with the survey's answers schema, and again on the server with the same one. */
export function RespondentForm({ publicId, definition, language, customerId, token, maxDiffDesigns }: Props) {
  const { t } = useI18n();
  const schema = useMemo(() => {
    primeMaxDiffDesigns(maxDiffDesigns);
    return answersSchema(definition);
  }, [definition, maxDiffDesigns]);
  const defaults = useMemo(
    () => Object.fromEntries(definition.questions.filter((q) => q.type === "likert_battery").map((q) => [q.id, {}])) as Answers,
    [definition],
  );
  const form = useForm<Answers>({ resolver: zodResolver(schema) as never, defaultValues: defaults });
  const [outcome, setOutcome] = useState<"answering" | "done" | "closed">("answering");
  const [formError, setFormError] = useState<string>();
  const startedAt = useRef<string | undefined>(undefined);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const fallback = definition.defaultLanguage;
  const autosave = useAutosave({ publicId, definition, form, language, customerId, token, startedAt: () => startedAt.current, onAlreadyComplete: () => setOutcome("done") });

  useEffect(() => {
    startedAt.current ??= new Date().toISOString();
  }, []);
  // The respondent's own order comes from their stored key (known only in the browser), so a reload
  // shows the same order; the server derives the same order from the same key when it saves.
  const [order, setOrder] = useState<DisplayOrder | null>(null);
  useEffect(() => {
    if (isRandomised(definition)) setOrder(displayOrderOf(definition, autosave.submissionKey()));
  }, [definition]);
  const shown = useMemo(() => applyDisplayOrder(definition, order), [definition, order]);
  const values = useWatch({ control: form.control }) as Record<string, unknown>;
  const visible = visibleQuestionIds(definition, values);
  const hiddenAnswered = definition.questions.filter((q) => !visible.has(q.id) && !isBlankAnswer(values[q.id])).map((q) => q.id).join(",");
  useEffect(() => {
    // A question hidden by a changed answer loses its answer, which the server would reject.
    for (const id of hiddenAnswered ? hiddenAnswered.split(",") : []) {
      form.setValue(id, undefined as never);
      form.clearErrors(id);
    }
  }, [hiddenAnswered, form]);
  useEffect(() => {
    if (outcome !== "answering") doneHeading.current?.focus();
  }, [outcome]);

  const onSubmit = form.handleSubmit(
    async (answers) => {
      setFormError(undefined);
      await autosave.settle();
      const input = { publicId, submissionKey: autosave.submissionKey(), answers, language, customerId, token, startedAt: startedAt.current };
      try {
        const result = await submitResponseAction(input);
        if (result.ok) {
          autosave.forget();
          setOutcome("done");
        } else if (result.code === "closed") setOutcome("closed");
        else if (result.code === "invalid") {
          for (const path of Object.keys(result.fieldErrors ?? {})) {
            const field = path.replace(/^answers\.?/, "");
            if (field) form.setError(field as never, { type: "server", message: t("survey.answerThisQuestion") });
          }
          setFormError(t("survey.formInvalid"));
        } else setFormError(t("survey.submitFailed"));
      } catch {
        // Network failure: the key stays stored, so trying again cannot create a second response.
        setFormError(t("survey.submitFailed"));
      }
    },
    () => setFormError(t("survey.formInvalid")),
  );

  if (outcome !== "answering") {
    const done = outcome === "done";
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h2 ref={doneHeading} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
          {done ? t("survey.thankYouTitle") : t("survey.closedTitle")}
        </h2>
        <p className="mt-2 text-slate-700">{done ? localized(definition.thankYou, language, fallback) || t("survey.thankYouText") : t("survey.closedText")}</p>
      </div>
    );
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        {shown.questions.filter((question) => visible.has(question.id)).map((question) => (
          <div key={question.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            <QuestionControl question={question} language={language} fallback={fallback} />
          </div>
        ))}
        <AutosaveStatus state={autosave.state} />
        <FormError message={formError} />
        <Button type="submit" disabled={form.formState.isSubmitting} className="w-full py-3 text-base sm:w-auto">
          {form.formState.isSubmitting ? t("survey.submitting") : t("survey.submit")}
        </Button>
      </form>
    </FormProvider>
  );
}
