"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { submitResponseAction } from "@/app/(public)/s/[publicId]/actions";
import { useI18n } from "@/components/i18n-provider";
import { AutosaveStatus } from "@/components/responses/autosave-status";
import { useAutosave } from "@/components/responses/use-autosave";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { localizedResolver } from "@/lib/forms/localized-resolver";
import { formatWait } from "@/lib/rate-limit/format-wait";
import type { Locale } from "@/lib/i18n/locales";
import { answerIssueText } from "@/lib/surveys/answer-messages";
import { answersSchema, type Answers } from "@/lib/surveys/answers";
import { localized, type SurveyDefinition } from "@/lib/surveys/definition";
import { isBlankAnswer, visibleQuestionIds } from "@/lib/surveys/display-logic";
import { displayedPages, displayOrderOf, isRandomised, type DisplayOrder } from "@/lib/surveys/display-order";
import { primeMaxDiffDesigns } from "@/lib/surveys/maxdiff-question";
import { QuestionControl } from "./question-control";
import { RespondentProgress } from "./respondent-progress";
import { useSurveyPages } from "./use-survey-pages";

type Props = {
  publicId: string;
  definition: SurveyDefinition;
  language: Locale;
  customerId?: string;
  token?: string;
  /** MaxDiff designs computed on the server (maxDiffDesignsOf), so the browser need not generate them. */
  maxDiffDesigns?: Record<string, string[][][]>;
  /** A researcher's preview: validates like the real page but never saves, resumes or submits. */
  mode?: "preview";
};

/** The respondent's form: validated here with the survey's answers schema, and again on the server with the same one. */
export function RespondentForm({ publicId, definition, language, customerId, token, maxDiffDesigns, mode }: Props) {
  const { t } = useI18n();
  const schema = useMemo(() => {
    primeMaxDiffDesigns(maxDiffDesigns);
    return answersSchema(definition);
  }, [definition, maxDiffDesigns]);
  const defaults = useMemo(
    () => Object.fromEntries(definition.questions.filter((q) => q.type === "likert_battery").map((q) => [q.id, {}])) as Answers,
    [definition],
  );
  // Messages in the respondent's language, from the keys the answer schema's issues carry.
  const resolver = useMemo(() => localizedResolver<Answers>(schema, (issue) => answerIssueText(issue, t)), [schema, t]);
  const form = useForm<Answers>({ resolver, defaultValues: defaults });
  const [outcome, setOutcome] = useState<"answering" | "done" | "closed" | "expired">("answering");
  const [formError, setFormError] = useState<string>();
  const preview = mode === "preview";
  const [previewAccepted, setPreviewAccepted] = useState(false);
  const startedAt = useRef<string | undefined>(undefined);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const fallback = definition.defaultLanguage;
  // Continue on the page to answer next: the first one the full schema (with required answers) would stop at.
  const onRestored = (lastQuestionId: string | null) => {
    const restored = form.getValues() as Record<string, unknown>;
    const result = schema.safeParse(restored);
    const needsAnswer = new Set(result.success ? [] : result.error.issues.map((issue) => String(issue.path[0] ?? "")));
    pagingRef.current?.resume(visibleQuestionIds(definition, restored), needsAnswer, lastQuestionId);
  };
  const autosave = useAutosave({ publicId, definition, form, language, customerId, token, startedAt: () => startedAt.current, onAlreadyComplete: () => setOutcome("done"), onRestored, disabled: preview });

  useEffect(() => {
    startedAt.current ??= new Date().toISOString();
  }, []);
  // The respondent's own order comes from their stored key (known only in the browser), so a reload
  // shows the same order; the server derives the same order from the same key when it saves.
  const [order, setOrder] = useState<DisplayOrder | null>(null);
  useEffect(() => {
    if (isRandomised(definition)) setOrder(displayOrderOf(definition, autosave.submissionKey()));
  }, [definition]);
  const pages = useMemo(() => displayedPages(definition, order), [definition, order]);
  const values = useWatch({ control: form.control }) as Record<string, unknown>;
  const visible = visibleQuestionIds(definition, values);
  const paging = useSurveyPages(pages, visible, form);
  const pagingRef = useRef<typeof paging>(undefined);
  pagingRef.current = paging;
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
      if (preview) return setPreviewAccepted(true);
      await autosave.settle();
      const input = { publicId, submissionKey: autosave.submissionKey(), answers, language, customerId, token, startedAt: startedAt.current };
      try {
        const result = await submitResponseAction(input);
        if (result.ok) {
          autosave.forget();
          setOutcome("done");
        } else if (result.code === "closed" || result.code === "expired") setOutcome(result.code);
        else if (result.code === "invalid") {
          // The server words its messages in the response's language too.
          for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
            const field = path.replace(/^answers\.?/, "");
            if (field) form.setError(field as never, { type: "server", message: messages[0] ?? t("questions.checkAnswer") });
          }
          setFormError(t("survey.formInvalid"));
        } else if (result.code === "rate_limited") setFormError(t("survey.submitRateLimited", { wait: formatWait(result.retryAfterSeconds ?? 60, language) }));
        else setFormError(t("survey.submitFailed"));
      } catch {
        // Network failure: the key stays stored, so trying again cannot create a second response.
        setFormError(t("survey.submitFailed"));
      }
    },
    (errors) => {
      setPreviewAccepted(false);
      paging.showFirstError(errors);
      setFormError(t("survey.formInvalid"));
    },
  );

  const nextPage = () => void paging.next().then((valid) => setFormError(valid ? undefined : t("survey.formInvalid")));
  // Enter in a text field submits the form: before the last page that means "Next", not submitting every page.
  const onFormSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    if (paging.isLast) return onSubmit(event);
    event.preventDefault();
    nextPage();
  };

  if (outcome !== "answering") {
    const done = outcome === "done";
    const [title, text] = outcome === "expired" ? (["survey.linkExpiredTitle", "survey.linkExpiredText"] as const) : (["survey.closedTitle", "survey.closedText"] as const);
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h2 ref={doneHeading} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
          {done ? t("survey.thankYouTitle") : t(title)}
        </h2>
        <p className="mt-2 text-slate-700">{done ? localized(definition.thankYou, language, fallback) || t("survey.thankYouText") : t(text)}</p>
      </div>
    );
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={onFormSubmit} noValidate className="space-y-6">
        <RespondentProgress questions={pages.flatMap((page) => page.questions).filter((question) => visible.has(question.id))} control={form.control as never} page={paging.page} pages={paging.pages.length} />
        {paging.current.filter((question) => visible.has(question.id)).map((question) => (
          <div key={question.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            <QuestionControl question={question} language={language} fallback={fallback} />
          </div>
        ))}
        {!preview && <AutosaveStatus state={autosave.state} />}
        <FormError message={formError} />
        {previewAccepted && (
          <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {t("surveyPages.previewAccepted")}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {paging.page > 0 && (
            <Button variant="secondary" onClick={paging.back} className="w-full py-3 text-base sm:w-auto">
              {t("surveyPages.back")}
            </Button>
          )}
          {paging.isLast ? (
            <Button type="submit" disabled={form.formState.isSubmitting} className="w-full py-3 text-base sm:w-auto">
              {form.formState.isSubmitting ? t("survey.submitting") : t("survey.submit")}
            </Button>
          ) : (
            <Button onClick={nextPage} className="w-full py-3 text-base sm:w-auto">
              {t("surveyPages.next")}
            </Button>
          )}
        </div>
      </form>
    </FormProvider>
  );
}
