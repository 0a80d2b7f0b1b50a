import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { responses, surveys, surveyVersions } from "@/db/schema";
import { createRandom } from "@/lib/analysis";
import type { SurveyDefinition } from "@/lib/surveys/definition";

/**
 * Seeds surveys and responses for segmentation tests by inserting rows directly, so these tests
 * depend only on the tables and not on the survey designer's or the respondent page's code paths.
 */

export const BATTERY_ID = "motives";
export const STATEMENT_IDS = ["rest", "culture", "nature", "nightlife"] as const;

export function batterySurveyDefinition(): SurveyDefinition {
  return {
    schemaVersion: 1,
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Travel motives" },
    questions: [
      {
        id: BATTERY_ID,
        type: "likert_battery",
        text: { en: "How important is each of these on holiday?" },
        required: true,
        scale: [1, 2, 3, 4, 5].map((code) => ({ id: `s${code}`, code, label: { en: String(code) } })),
        rows: STATEMENT_IDS.map((id) => ({ id, text: { en: `Motive ${id}` } })),
      },
      {
        id: "gender",
        type: "single_choice",
        text: { en: "Gender" },
        required: false,
        options: [
          { id: "female", code: 1, label: { en: "Female" } },
          { id: "male", code: 2, label: { en: "Male" } },
        ],
      },
    ],
  };
}

/** A survey with one published version (or only a draft, for negative tests). */
export async function createBatterySurvey(
  db: Database,
  params: { workspaceId: string; studyId: string; status?: "draft" | "published" | "closed"; title?: string },
) {
  const definition = batterySurveyDefinition();
  const status = params.status ?? "published";
  const [survey] = await db
    .insert(surveys)
    .values({
      workspaceId: params.workspaceId,
      studyId: params.studyId,
      title: params.title ?? "Travel motives",
      definition,
      status,
      publicId: randomBytes(8).toString("hex"),
    })
    .returning({ id: surveys.id });
  const [version] = await db
    .insert(surveyVersions)
    .values({ workspaceId: params.workspaceId, surveyId: survey!.id, version: 1, definition })
    .returning({ id: surveyVersions.id });
  if (status !== "draft") await db.update(surveys).set({ currentVersionId: version!.id }).where(eq(surveys.id, survey!.id));
  return { surveyId: survey!.id, versionId: version!.id };
}

/** Stores one complete response per row of battery answers; returns their ids in the same order. */
export async function insertBatteryResponses(
  db: Database,
  params: {
    workspaceId: string;
    surveyId: string;
    versionId: string;
    rows: number[][];
    status?: "partial" | "complete";
    customerIds?: (string | null)[];
  },
): Promise<string[]> {
  const values = params.rows.map((row, index) => ({
    id: randomUUID(),
    workspaceId: params.workspaceId,
    surveyId: params.surveyId,
    versionId: params.versionId,
    submissionKey: randomUUID(),
    status: params.status ?? ("complete" as const),
    answers: { [BATTERY_ID]: Object.fromEntries(STATEMENT_IDS.map((id, j) => [id, row[j]!])), gender: 1 + (index % 2) },
    customerId: params.customerIds?.[index] ?? null,
  }));
  if (values.length) await db.insert(responses).values(values);
  return values.map((value) => value.id);
}

/**
 * Two clearly separated groups on a 1–5 scale: the first group rates rest and nature high,
 * the second culture and nightlife. Answers jitter by one scale point at most.
 */
export function twoGroupAnswers(firstSize: number, secondSize: number, seed = 3): number[][] {
  const random = createRandom(seed);
  const high = () => 4 + Math.floor(random() * 2);
  const low = () => 1 + Math.floor(random() * 2);
  const rows: number[][] = [];
  for (let i = 0; i < firstSize; i++) rows.push([high(), low(), high(), low()]);
  for (let i = 0; i < secondSize; i++) rows.push([low(), high(), low(), high()]);
  return rows;
}
