"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useFieldArray, useForm } from "react-hook-form";
import { createSurveyAction, publishSurveyAction, updateSurveyDraftAction } from "@/app/(app)/w/[workspace]/studies/[studyId]/survey/actions";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { applyFieldErrors } from "@/lib/forms/apply-field-errors";
import type { Locale } from "@/lib/i18n/locales";
import { ZSurveyDefinition, type SurveyDefinition, type SurveyDefinitionInput } from "@/lib/surveys/definition";
import { nextSlugId, type ReservedIds } from "@/lib/surveys/ids";
import { NEW_QUESTION } from "@/lib/surveys/question-templates";
import { DesignerProvider } from "./designer-context";
import { DesignerQuestion } from "./designer-question";
import { DesignerSettings } from "./designer-settings";
import { AddQuestionOfType } from "./add-question-of-type";

type Props = {
  workspaceSlug: string;
  studyId: string;
  /** Undefined while the survey is new: the first save creates it. */
  surveyId?: string;
  initial: SurveyDefinitionInput;
  reserved: ReservedIds;
  justSaved?: boolean;
};

/** Server errors name paths inside the action input ("definition.title.en"); the form's paths start below it. */
function formPaths(fieldErrors: Record<string, string[]> | undefined) {
  return Object.fromEntries(Object.entries(fieldErrors ?? {}).map(([path, messages]) => [path.replace(/^definition\./, ""), messages]));
}

export function SurveyDesigner({ workspaceSlug, studyId, surveyId, initial, reserved, justSaved }: Props) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useForm<SurveyDefinitionInput, unknown, SurveyDefinition>({ resolver: zodResolver(ZSurveyDefinition), defaultValues: initial });
  const questions = useFieldArray({ control: form.control, name: "questions" });
  const [editLanguage, setEditLanguage] = useState<Locale>(initial.defaultLanguage);
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string | undefined>(justSaved ? t("survey.draftSaved") : undefined);
  const [busy, setBusy] = useState(false);
  const base = `/w/${workspaceSlug}/studies/${studyId}/survey`;

  const addQuestion = (type: keyof typeof NEW_QUESTION) => {
    const taken = [...reserved.questionIds, ...form.getValues("questions").map((q) => q.id)];
    questions.append(NEW_QUESTION[type](nextSlugId("q", taken)));
  };

  async function save(definition: SurveyDefinition): Promise<string | undefined> {
    const result = surveyId
      ? await updateSurveyDraftAction(workspaceSlug, { surveyId, definition })
      : await createSurveyAction(workspaceSlug, { studyId, definition });
    if (!result.ok) {
      applyFieldErrors(form.setError, formPaths(result.fieldErrors));
      setFormError(result.error);
      return undefined;
    }
    return result.data.id;
  }

  const run = (work: (definition: SurveyDefinition) => Promise<void>) =>
    form.handleSubmit(
      async (definition) => {
        setBusy(true);
        setFormError(undefined);
        setNotice(undefined);
        try {
          await work(definition);
        } finally {
          setBusy(false);
        }
      },
      () => {
        // Required texts are in the default language: show those fields, where the messages are.
        setEditLanguage(form.getValues("defaultLanguage"));
        setFormError(t("survey.fixErrors"));
      },
    );

  const onSave = run(async (definition) => {
    const id = await save(definition);
    if (!id) return;
    if (!surveyId) router.replace(`${base}/${id}/edit?saved=1`);
    else {
      setNotice(t("survey.draftSaved"));
      router.refresh();
    }
  });

  const onPublish = run(async (definition) => {
    const id = await save(definition);
    if (!id) return;
    const published = await publishSurveyAction(workspaceSlug, { surveyId: id });
    if (!published.ok) {
      applyFieldErrors(form.setError, published.fieldErrors);
      setFormError(published.error);
      if (!surveyId) router.replace(`${base}/${id}/edit`);
      return;
    }
    router.push(`${base}/${id}`);
  });

  return (
    <FormProvider {...form}>
      <DesignerProvider value={{ editLanguage, reserved }}>
        <form onSubmit={onSave} noValidate className="space-y-5">
          <DesignerSettings editLanguage={editLanguage} onEditLanguage={setEditLanguage} />
          <section aria-labelledby="designer-questions" className="space-y-3">
            <h2 id="designer-questions" className="text-lg font-semibold text-slate-900">
              {t("survey.questionsTitle")}
            </h2>
            {questions.fields.length === 0 && <p className="text-sm text-slate-600">{t("survey.noQuestions")}</p>}
            <ol className="space-y-4">
              {questions.fields.map((field, index) => (
                <DesignerQuestion key={field.id} index={index} count={questions.fields.length} onMove={questions.move} onRemove={questions.remove} />
              ))}
            </ol>
            {form.formState.errors.questions?.message && <p role="alert" className="text-sm text-red-700">{form.formState.errors.questions.message}</p>}
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => addQuestion("likert_battery")}>
                {t("survey.addBattery")}
              </Button>
              <Button variant="secondary" onClick={() => addQuestion("single_choice")}>
                {t("survey.addSingleChoice")}
              </Button>
            </div>
            <AddQuestionOfType onAdd={addQuestion} />
          </section>
          <div className="sticky bottom-0 -mx-4 space-y-3 border-t border-slate-200 bg-slate-50/95 px-4 py-3">
            <FormError message={formError} />
            <p role="status" className="text-sm text-green-800">
              {notice}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("survey.saveDraft")}
              </Button>
              <Button onClick={onPublish} disabled={busy}>
                {t("survey.publish")}
              </Button>
            </div>
          </div>
        </form>
      </DesignerProvider>
    </FormProvider>
  );
}
