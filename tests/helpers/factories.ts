import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { addMember } from "@/db/queries/workspaces";
import { signUp } from "@/lib/accounts/sign-up";
import type { Role } from "@/lib/auth/roles";
import { createStudy as createStudyService } from "@/lib/studies/create-study";
import { createWorkspace as createWorkspaceService } from "@/lib/workspaces/create-workspace";

/** Factories that seed through the real domain functions, so tests exercise the same paths as users. */

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.test`;
}

export const TEST_PASSWORD = "correct-horse-42";

export async function createUser(db: Database, overrides: { name?: string; email?: string } = {}) {
  return signUp(db, { name: overrides.name ?? "Test User", email: overrides.email ?? uniqueEmail(), password: TEST_PASSWORD });
}

export async function createWorkspace(db: Database, params: { ownerId: string; name?: string }) {
  return createWorkspaceService(db, { ownerId: params.ownerId, input: { name: params.name ?? `Workspace ${randomBytes(3).toString("hex")}` } });
}

/** A user who belongs to the workspace with the given role. */
export async function createMember(db: Database, params: { workspaceId: string; role: Role; name?: string }) {
  const user = await createUser(db, { name: params.name ?? `A ${params.role}` });
  await addMember(db, { workspaceId: params.workspaceId, userId: user.id, role: params.role });
  return user;
}

export async function createStudy(db: Database, params: { workspaceId: string; name?: string }) {
  return createStudyService(db, { workspaceId: params.workspaceId, input: { name: params.name ?? "Needs study", description: "" } });
}

/** Owner + workspace + study: the usual starting point. */
export async function createStudyFixture(db: Database) {
  const owner = await createUser(db, { name: "Olivia Owner" });
  const workspace = await createWorkspace(db, { ownerId: owner.id });
  const study = await createStudy(db, { workspaceId: workspace.id });
  return { owner, workspace, study };
}

/**
 * A published survey (default: one 3-statement Likert battery and one single choice, see
 * lib/surveys/fixtures/sample-definition.ts). Imports stay inside so this file's head is untouched.
 */
export async function createPublishedSurvey(db: Database, params: { workspaceId: string; studyId: string; definition?: unknown }) {
  const { createSurvey } = await import("@/lib/surveys/create-survey");
  const { publishSurvey } = await import("@/lib/surveys/publish-survey");
  const { sampleDefinition } = await import("@/lib/surveys/fixtures/sample-definition");
  const survey = await createSurvey(db, { workspaceId: params.workspaceId, studyId: params.studyId, definition: params.definition ?? sampleDefinition() });
  const published = await publishSurvey(db, { workspaceId: params.workspaceId, surveyId: survey.id });
  return { ...survey, versionId: published.versionId };
}

/** One respondent's complete answers through the public submit path. */
export async function submitSurveyResponse(db: Database, params: { publicId: string; answers: Record<string, unknown>; customerId?: string }) {
  const { submitResponse } = await import("@/lib/surveys/submit-response");
  return submitResponse(db, { input: { ...params, submissionKey: `test-${randomBytes(8).toString("hex")}` } });
}
