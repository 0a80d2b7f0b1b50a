"use server";

import { workspaceAction } from "@/lib/auth/access";
import { closeSurvey } from "@/lib/surveys/close-survey";
import { createSurvey } from "@/lib/surveys/create-survey";
import { publishSurvey } from "@/lib/surveys/publish-survey";
import { ZCreateSurveyInput, ZSurveyIdInput, ZUpdateSurveyDraftInput } from "@/lib/surveys/schemas";
import { updateSurveyDraft } from "@/lib/surveys/update-survey-draft";

/** The Survey tab's actions: the designer saves drafts, publishes and closes. */

export const createSurveyAction = workspaceAction({ schema: ZCreateSurveyInput, permission: "survey:write" }, async (ctx, input) => {
  const survey = await createSurvey(ctx.db, { workspaceId: ctx.workspace.id, studyId: input.studyId, definition: input.definition });
  return { id: survey.id, publicId: survey.publicId };
});

export const updateSurveyDraftAction = workspaceAction({ schema: ZUpdateSurveyDraftInput, permission: "survey:write" }, async (ctx, input) => {
  const survey = await updateSurveyDraft(ctx.db, { workspaceId: ctx.workspace.id, surveyId: input.surveyId, definition: input.definition });
  return { id: survey.id };
});

export const publishSurveyAction = workspaceAction({ schema: ZSurveyIdInput, permission: "survey:write" }, async (ctx, input) =>
  publishSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId: input.surveyId }),
);

export const closeSurveyAction = workspaceAction({ schema: ZSurveyIdInput, permission: "survey:write" }, async (ctx, input) =>
  closeSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId: input.surveyId }),
);
