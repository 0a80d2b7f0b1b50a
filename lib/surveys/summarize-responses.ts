import type { Database } from "@/db/client";
import { batteryStatementMeans, choiceCounts } from "@/db/queries/responses";
import { answeredCounts, constantSumMeans, latestTexts, multipleChoiceCounts, npsCounts, numberStats, rankingStats } from "@/db/queries/response-summaries";
import { findSurvey } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import { localized, type QuestionType, type SurveyDefinition } from "./definition";
import { summarizeMaxDiffQuestions } from "./maxdiff-summary";
import { summarizeQuestion, type QuestionSummary } from "./question-summaries";

export type { BatterySummary, ChoiceSummary, QuestionSummary } from "./question-summaries";
export type SurveySummary = { responseCount: number; questions: QuestionSummary[] };

const LATEST_TEXTS = 5;

/**
 * Per-question results of a survey's complete responses, aggregated in the database (jsonb
 * operators, GROUP BY), laid out along the current version and labelled in the wanted language.
 * Responses of every version count together: ids and codes keep their meaning across versions.
 */
export async function summarizeResponses(db: Database, params: { workspaceId: string; surveyId: string; language: string }): Promise<SurveySummary> {
  const survey = await findSurvey(db, params);
  if (!survey) throw new AppError("not_found", "Survey not found.");
  const definition: SurveyDefinition = survey.publishedDefinition ?? survey.definition;
  const ids = (...types: QuestionType[]) => definition.questions.filter((q) => types.includes(q.type)).map((q) => q.id);
  const scope = { workspaceId: params.workspaceId, surveyId: survey.id };
  const [answered, batteryMeans, singleCounts, multiCounts, numbers, nps, rankings, sums, texts, otherTexts] = await Promise.all([
    answeredCounts(db, { ...scope, questionIds: ids("multiple_choice", "open_text", "ranking", "constant_sum") }),
    batteryStatementMeans(db, { ...scope, questionIds: ids("likert_battery") }),
    choiceCounts(db, { ...scope, questionIds: ids("single_choice", "likert_item") }),
    multipleChoiceCounts(db, { ...scope, questionIds: ids("multiple_choice") }),
    numberStats(db, { ...scope, questionIds: ids("rating", "numeric", "likert_item") }),
    npsCounts(db, { ...scope, questionIds: ids("nps") }),
    rankingStats(db, { ...scope, questionIds: ids("ranking") }),
    constantSumMeans(db, { ...scope, questionIds: ids("constant_sum") }),
    Promise.all(ids("open_text").map(async (questionId) => [questionId, await latestTexts(db, { ...scope, path: [questionId], limit: LATEST_TEXTS })] as const)),
    Promise.all(ids("multiple_choice").map(async (questionId) => [questionId, await latestTexts(db, { ...scope, path: [questionId, "other"], limit: LATEST_TEXTS })] as const)),
  ]);
  const text = (value: Parameters<typeof localized>[0]) => localized(value, params.language, definition.defaultLanguage);
  const maxdiff = await summarizeMaxDiffQuestions(db, { ...scope, definition, text });
  const data = { answered, batteryMeans, codeCounts: [...singleCounts, ...multiCounts], numbers, nps, rankings, sums, texts: Object.fromEntries(texts), otherTexts: Object.fromEntries(otherTexts), maxdiff };
  return { responseCount: survey.responseCount, questions: definition.questions.map((question) => summarizeQuestion(question, data, text)) };
}
