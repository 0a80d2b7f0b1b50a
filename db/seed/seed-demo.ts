import { readFileSync } from "node:fs";
import path from "node:path";
import type { Database } from "@/db/client";
import { findSegmentationWithPersonas } from "@/db/queries/personas";
import { findUserCredentials } from "@/db/queries/users";
import { addMember } from "@/db/queries/workspaces";
import { signUp } from "@/lib/accounts/sign-up";
import { savePersona } from "@/lib/personas/save-persona";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { createStudy } from "@/lib/studies/create-study";
import { createSurvey } from "@/lib/surveys/create-survey";
import { publishSurvey } from "@/lib/surveys/publish-survey";
import { submitResponse } from "@/lib/surveys/submit-response";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { DATASETS } from "@/lib/datasets";
import { parseCsv } from "./csv";
import { draftPersonaFromSegment } from "./demo-personas";
import { demoCustomerIds, importDemoRetailLog, retailCustomerIds } from "./seed-customer-data";
import { AGE_GROUPS, MOTIVE_IDS, vacationMotivesDefinition } from "./vacation-motives-survey";

export const DEMO_PASSWORD = "needscape-demo-1";
export const DEMO_USERS = {
  researcher: { email: "demo@needscape.local", name: "Demo Researcher" },
  viewer: { email: "viewer@needscape.local", name: "Demo Viewer" },
} as const;

const DATA_DIR = path.resolve(process.env.NEEDSCAPE_DEMO_DATA ?? "db/seed/data");

function readRespondents(limit?: number) {
  const [, ...motiveRows] = parseCsv(readFileSync(path.join(DATA_DIR, "vacmot.csv"), "utf8"));
  const [descHeader, ...descRows] = parseCsv(readFileSync(path.join(DATA_DIR, "vacmotdesc.csv"), "utf8"));
  const gender = descHeader!.indexOf("Gender");
  const age = descHeader!.indexOf("Age");
  return motiveRows.slice(0, limit).map((row, index) => {
    const years = Number(descRows[index]![age]);
    return {
      motives: Object.fromEntries(MOTIVE_IDS.map((id, column) => [id, Number(row[column])])),
      gender: descRows[index]![gender] === "Female" ? 1 : 2,
      ageGroup: AGE_GROUPS.find((group) => years <= group.upTo)!.code,
    };
  });
}

/**
 * The demo workspace: the vacation-motives survey with its 1,000 real respondents submitted
 * through the public path (each with a customer id), the retail log imported as the workspace's
 * transactions and as its usage, with RFM, engagement and value computed, a saved 6-segment k-means
 * solution (as flexclust's vacmot6) and a published persona per segment. Does nothing when the demo user already exists.
 */
export async function seedDemo(db: Database, options: { respondents?: number; transactionsFile?: string | false } = {}) {
  if (await findUserCredentials(db, { email: DEMO_USERS.researcher.email })) return { created: false as const };
  const researcher = await signUp(db, { ...DEMO_USERS.researcher, password: DEMO_PASSWORD });
  const viewer = await signUp(db, { ...DEMO_USERS.viewer, password: DEMO_PASSWORD });
  const workspace = await createWorkspace(db, { ownerId: researcher.id, input: { name: "Nordic Travel (demo)" } });
  await addMember(db, { workspaceId: workspace.id, userId: viewer.id, role: "viewer" });
  const study = await createStudy(db, {
    workspaceId: workspace.id,
    input: {
      name: "Vacation motives",
      description: "1,000 Australian travellers' vacation motives (flexclust vacmot data, Dolnicar, Grün & Leisch 2018).",
    },
  });
  const survey = await createSurvey(db, { workspaceId: workspace.id, studyId: study.id, definition: vacationMotivesDefinition() });
  await publishSurvey(db, { workspaceId: workspace.id, surveyId: survey.id });

  const respondents = readRespondents(options.respondents);
  const transactionsFile = options.transactionsFile ?? DATASETS.onlineRetail;
  const customerIds = demoCustomerIds(transactionsFile ? await retailCustomerIds(transactionsFile) : [], respondents.length);
  for (const [index, respondent] of respondents.entries()) {
    await submitResponse(db, {
      input: {
        publicId: survey.publicId,
        submissionKey: `demo-respondent-${index + 1}`,
        answers: { motives: respondent.motives, gender: respondent.gender, age_group: respondent.ageGroup },
        language: "en",
        customerId: customerIds[index],
      },
    });
  }

  const importRetailLog = (kind: "transactions" | "usage_events") =>
    transactionsFile ? importDemoRetailLog(db, { workspaceId: workspace.id, userId: researcher.id, file: transactionsFile, kind }) : undefined;
  const customerImport = await importRetailLog("transactions");
  const usageImport = await importRetailLog("usage_events");

  const k = Math.min(6, respondents.length);
  const { id: segmentationId } = await saveSegmentation(db, {
    workspaceId: workspace.id,
    studyId: study.id,
    userId: researcher.id,
    input: { surveyId: survey.id, questionId: "motives", k, restarts: 20, seed: 1, name: "Vacation motives · 6 segments" },
  });
  const saved = (await findSegmentationWithPersonas(db, { workspaceId: workspace.id, studyId: study.id, segmentationId }))!;
  const total = saved.segments.reduce((sum, segment) => sum + segment.size, 0);
  const takenNames: string[] = [];
  for (const segment of saved.segments) {
    const persona = draftPersonaFromSegment({
      variables: saved.segmentation.variables,
      means: segment.means,
      totalMeans: saved.segmentation.totalMeans,
      share: segment.size / total,
      takenNames,
    });
    takenNames.push(persona.segmentName!);
    await savePersona(db, { workspaceId: workspace.id, segmentId: segment.id, userId: researcher.id, input: persona, mayRenameSegment: true });
  }
  return { created: true as const, workspaceSlug: workspace.slug, studyId: study.id, respondents: respondents.length, transactions: customerImport?.importedCount ?? 0, usageEvents: usageImport?.importedCount ?? 0 };
}
