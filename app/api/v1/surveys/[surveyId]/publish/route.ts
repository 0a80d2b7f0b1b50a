// Publishes a survey's draft as a new immutable version (or re-opens it when unchanged).
import { apiRoute } from "@/lib/auth/api-route";
import { publishSurvey } from "@/lib/surveys/publish-survey";

export const POST = apiRoute<{ surveyId: string }>({ permission: "survey:write" }, async (ctx, { params }) => {
  const published = await publishSurvey(ctx.db, { workspaceId: ctx.workspace.id, surveyId: params.surveyId });
  return { ...published, publicPath: `/s/${published.publicId}` };
});
