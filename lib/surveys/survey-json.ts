import type { findSurvey, listSurveysForStudy } from "@/db/queries/surveys";
import type { listResponsesPage } from "@/db/queries/responses";

/** The JSON API's shapes for surveys and responses (dates as ISO strings, the public link as a path). */

type ListedSurvey = Awaited<ReturnType<typeof listSurveysForStudy>>[number];
type FoundSurvey = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;
type ResponseRow = Awaited<ReturnType<typeof listResponsesPage>>[number];

export function surveySummaryJson(survey: ListedSurvey | FoundSurvey) {
  return {
    id: survey.id,
    studyId: survey.studyId,
    title: survey.title,
    status: survey.status,
    publicId: survey.publicId,
    publicPath: `/s/${survey.publicId}`,
    currentVersion: survey.currentVersion ?? null,
    responseCount: survey.responseCount,
    createdAt: survey.createdAt.toISOString(),
    updatedAt: survey.updatedAt.toISOString(),
  };
}

export function surveyJson(survey: FoundSurvey) {
  return {
    ...surveySummaryJson(survey),
    hasUnpublishedChanges: survey.hasUnpublishedChanges,
    publishedAt: survey.publishedAt?.toISOString() ?? null,
    definition: survey.definition,
    publishedDefinition: survey.publishedDefinition ?? null,
  };
}

export function responseJson(row: ResponseRow) {
  return {
    id: row.id,
    versionId: row.versionId,
    status: row.status,
    answers: row.answers,
    language: row.language,
    customerId: row.customerId,
    // False for an id from a public link's URL or the public API: anyone could have sent it.
    customerIdVerified: row.customerId !== null && row.customerIdVerified,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
