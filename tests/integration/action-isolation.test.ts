import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import type { PublicUser } from "@/db/queries/users";
import { analysisRuns, apiKeys, contacts, customerMetricSettings, customerMetricSnapshots, jobs, outboxMessages, invitations, members, personas, responses, segmentAssignments, segmentations, segments, studies, surveys, surveyVersions, workspaces } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";
import { savePersona } from "@/lib/personas/save-persona";
import { saveSegmentation } from "@/lib/segmentation/save-segmentation";
import { ZStartSweepInput } from "@/lib/segmentation/dataset/schemas";
import { startSweep } from "@/lib/segmentation/sweep/start-sweep";
import { sampleDefinition } from "@/lib/surveys/fixtures/sample-definition";
import { createApiKey } from "@/lib/workspaces/api-keys";
import { createInvitation } from "@/lib/workspaces/invitations";
import { createMember, createPublishedSurvey, createStudy, createUser, createWorkspace, submitSurveyResponse } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * Tenant isolation of every server action, through the real actions and their access wrapper:
 * only the session (who is signed in), the process-wide database and Next's cache are swapped for
 * test doubles. Alice (owner of A) aims each action at workspace B, Vera (viewer in B) tries each
 * one in B, and B's rows must be byte-for-byte unchanged afterwards.
 */

const acting = vi.hoisted(() => ({ user: undefined as PublicUser | undefined, db: undefined as Database | undefined }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => acting.user }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/db/client")>()), getDb: () => acting.db! }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const studyActions = await import("@/app/(app)/w/[workspace]/actions");
const settingsActions = await import("@/app/(app)/w/[workspace]/settings/actions");
const surveyActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/survey/actions");
const segmentActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/segments/actions");
const personaActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/personas/actions");
const solutionActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/segments/solution-actions");
const responseActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/survey/[surveyId]/responses/actions");
const distributionActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/survey/[surveyId]/distribute/actions");
const maxDiffActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/survey/maxdiff-actions");
const customerMetricActions = await import("@/app/(app)/w/[workspace]/studies/[studyId]/customers/actions");
const ACTIONS: Record<string, (slug: string, input: unknown) => Promise<ActionResult<unknown>>> = {
  ...studyActions,
  ...settingsActions,
  ...surveyActions,
  ...segmentActions,
  ...solutionActions,
  ...personaActions,
  ...responseActions,
  ...distributionActions,
  ...maxDiffActions,
  ...customerMetricActions,
};

type Ids = { studyId: string; surveyId: string; segmentationId: string; segmentId: string; invitationId: string; apiKeyId: string; userId: string; responseId: string; runId: string };
// No segment rename: a viewer would be refused the rename itself, which would hide a missing role check.
const persona = { name: "Intruder", summary: "", goals: [], pains: [], actions: [], status: "published" };

// Every workspace action with an input aimed at B's resources (or, without ids, at whatever workspace the slug names).
const CASES: Record<string, (ids: Ids) => unknown> = {
  createStudyAction: () => ({ name: "Intruder study" }),
  createSurveyAction: (ids) => ({ studyId: ids.studyId, definition: sampleDefinition() }),
  updateSurveyDraftAction: (ids) => ({ surveyId: ids.surveyId, definition: { ...sampleDefinition(), title: { en: "Hijacked" } } }),
  publishSurveyAction: (ids) => ({ surveyId: ids.surveyId }),
  closeSurveyAction: (ids) => ({ surveyId: ids.surveyId }),
  runSegmentationAction: (ids) => ({ studyId: ids.studyId, surveyId: ids.surveyId, questionId: "q1", k: 2 }),
  saveSegmentationAction: (ids) => ({ studyId: ids.studyId, surveyId: ids.surveyId, questionId: "q1", k: 2, name: "Intruder" }),
  assignNewRespondentsAction: (ids) => ({ segmentationId: ids.segmentationId }),
  saveRuleBasedSolutionAction: (ids) => ({ studyId: ids.studyId, method: "rfm_segments", name: "Intruder" }),
  exploreDatasetAction: (ids) => ({ studyId: ids.studyId, surveyId: ids.surveyId, basis: ["q1.s1", "q1.s2", "q1.s3"], kMax: 3, bootstraps: 2 }),
  startSweepAction: (ids) => ({ studyId: ids.studyId, surveyId: ids.surveyId, basis: ["q1.s1", "q1.s2", "q1.s3"], kMax: 3, bootstraps: 2, name: "Intruder run" }),
  saveRunSolutionAction: (ids) => ({ runId: ids.runId, k: 2, name: "Intruder" }),
  savePersonaAction: (ids) => ({ segmentId: ids.segmentId, ...persona }),
  createInvitationAction: () => ({ role: "owner" }),
  revokeInvitationAction: (ids) => ({ id: ids.invitationId }),
  changeMemberRoleAction: (ids) => ({ userId: ids.userId, role: "viewer" }),
  removeMemberAction: (ids) => ({ userId: ids.userId }),
  createApiKeyAction: () => ({ name: "Intruder key", role: "admin" }),
  revokeApiKeyAction: (ids) => ({ id: ids.apiKeyId }),
  eraseResponseAction: (ids) => ({ surveyId: ids.surveyId, responseId: ids.responseId }),
  eraseCustomerAction: () => ({ customerId: "C-1" }),
  importContactsAction: (ids) => ({ surveyId: ids.surveyId, csv: "email,customer_id\nintruder@example.com,C-1" }),
  sendMessagesAction: (ids) => ({ surveyId: ids.surveyId, kind: "invitation" }),
  processDueMessagesAction: () => ({}),
  saveSurveyLimitsAction: (ids) => ({ surveyId: ids.surveyId, responseLimit: 1, quotas: [] }),
  previewMaxDiffDesignAction: () => ({ itemIds: ["a", "b", "c"], seed: 1 }),
  saveCustomerMetricSettingsAction: (ids) => ({ studyId: ids.studyId, settings: { churnDays: 30 } }),
  recomputeCustomerMetricsAction: (ids) => ({ studyId: ids.studyId }),
};
// Server actions outside any workspace, which the cases above need not cover.
const NOT_WORKSPACE_ACTIONS = ["setLocaleAction", "signUpAction", "createWorkspaceAction", "acceptInvitationAction", "submitResponseAction", "saveProgressAction", "loadProgressAction", "unsubscribeAction", "updateNameAction", "changePasswordAction", "signOutEverywhereAction", "endSessionAction", "startSsoLinkAction", "requestPasswordResetAction", "resetPasswordAction"];
const WITHOUT_IDS = ["createStudyAction", "createInvitationAction", "createApiKeyAction", "eraseCustomerAction", "processDueMessagesAction", "previewMaxDiffDesignAction"];
// Unknown ids are "not found", except in the k-means and dataset forms, where an unknown survey is a field error next to its select.
const refusalOf = (name: string) => (/Segmentation|Dataset|Sweep/.test(name) ? "invalid" : "not_found");

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(file);
    return /\.tsx?$/.test(entry.name) && /^["']use server["']/m.test(readFileSync(file, "utf8")) ? [file] : [];
  });
}

const TABLES = { studies, surveys, surveyVersions, responses, contacts, outboxMessages, segmentations, segments, segmentAssignments, personas, members, invitations, apiKeys, analysisRuns, customerMetricSettings, customerMetricSnapshots, jobs };

/** Every row a workspace owns, in a stable order: equal snapshots mean nothing was written. */
async function snapshot(db: Database, workspaceId: string) {
  const rows: Record<string, string[]> = { workspaces: (await db.select().from(workspaces).where(eq(workspaces.id, workspaceId))).map((row) => JSON.stringify(row)) };
  for (const [name, table] of Object.entries(TABLES)) {
    const found = await db.select().from(table as typeof studies).where(eq((table as typeof studies).workspaceId, workspaceId));
    rows[name] = found.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

describe("the action lists", () => {
  it("cover every exported server action in app/", () => {
    const exported = serverActionFiles("app").flatMap((file) => [...readFileSync(file, "utf8").matchAll(/export\s+(?:const|async function|function)\s+(\w+)/g)].map((m) => m[1]!));
    expect(exported.filter((name) => !(name in CASES) && !NOT_WORKSPACE_ACTIONS.includes(name)), "actions without an isolation case").toEqual([]);
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(CASES).sort());
  });
});

describe.each(testDatabaseKinds())("server action isolation on %s", (kind) => {
  const t = useTestDatabase(kind);
  let alice: PublicUser, bob: PublicUser, vera: PublicUser;
  let A: { id: string; slug: string; studyId: string };
  let B: { id: string; slug: string } & Ids;

  beforeAll(async () => {
    const db = t.db;
    acting.db = db;
    alice = await createUser(db, { name: "Alice" });
    bob = await createUser(db, { name: "Bob" });
    const workspaceA = await createWorkspace(db, { ownerId: alice.id });
    A = { ...workspaceA, studyId: (await createStudy(db, { workspaceId: workspaceA.id })).id };
    const workspaceB = await createWorkspace(db, { ownerId: bob.id });
    vera = await createMember(db, { workspaceId: workspaceB.id, role: "viewer", name: "Vera" });
    const study = await createStudy(db, { workspaceId: workspaceB.id });
    const survey = await createPublishedSurvey(db, { workspaceId: workspaceB.id, studyId: study.id });
    const responseIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const [high, low] = [5 - (i % 2), 1 + (i % 2)];
      const q1 = i < 6 ? { s1: high, s2: low, s3: high } : { s1: low, s2: high, s3: low };
      responseIds.push((await submitSurveyResponse(db, { publicId: survey.publicId, answers: { q1, q2: 1 + (i % 3) }, customerId: `C-${i}` })).responseId);
    }
    const input = { surveyId: survey.id, questionId: "q1", k: 2, restarts: 5, seed: 1 };
    const segmentation = await saveSegmentation(db, { workspaceId: workspaceB.id, studyId: study.id, userId: bob.id, input });
    const [segment] = await db.select({ id: segments.id }).from(segments).where(eq(segments.segmentationId, segmentation.id));
    const personaInput = { name: "Rita", summary: "Calm", goals: [], pains: [], actions: [], status: "published" };
    await savePersona(db, { workspaceId: workspaceB.id, segmentId: segment!.id, userId: bob.id, input: personaInput, mayRenameSegment: true });
    const invitation = await createInvitation(db, { workspaceId: workspaceB.id, inviterId: bob.id, inviterRole: "owner", role: "researcher" });
    const apiKey = await createApiKey(db, { workspaceId: workspaceB.id, creatorId: bob.id, creatorRole: "owner", name: "Bob key", role: "admin" });
    const run = await startSweep(db, { workspaceId: workspaceB.id, studyId: study.id, userId: bob.id, input: ZStartSweepInput.parse({ surveyId: survey.id, basis: ["q1.s1", "q1.s2", "q1.s3"], kMax: 3, bootstraps: 2 }) });
    B = { ...workspaceB, studyId: study.id, surveyId: survey.id, segmentationId: segmentation.id, segmentId: segment!.id, invitationId: invitation.id, apiKeyId: apiKey.id, userId: bob.id, responseId: responseIds[0]!, runId: run.id };
  });

  const randomIds = (): Ids => ({ studyId: randomUUID(), surveyId: randomUUID(), segmentationId: randomUUID(), segmentId: randomUUID(), invitationId: randomUUID(), apiKeyId: randomUUID(), userId: randomUUID(), responseId: randomUUID(), runId: randomUUID() });

  it("lets Bob preview k-means in his own workspace, so the refusals below are about the workspace", async () => {
    acting.db = t.db;
    acting.user = bob;
    const result = await ACTIONS.runSegmentationAction!(B.slug, CASES.runSegmentationAction!(B));
    expect(result).toMatchObject({ ok: true, data: { survey: { id: B.surveyId } } });
  });

  it.each(Object.keys(CASES))("%s cannot reach workspace B", async (name) => {
    acting.db = t.db;
    const action = ACTIONS[name]!;
    const input = CASES[name]!;
    const [beforeA, beforeB] = [await snapshot(t.db, A.id), await snapshot(t.db, B.id)];

    // Alice naming B's workspace: it does not exist for her.
    acting.user = alice;
    expect(await action(B.slug, input(B))).toMatchObject({ ok: false, code: "not_found" });
    // A viewer of B may not change anything there.
    acting.user = vera;
    expect(await action(B.slug, input(B))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await snapshot(t.db, B.id)).toEqual(beforeB);

    if (WITHOUT_IDS.includes(name)) return; // with her own slug these act on her own workspace, which is her right
    // Alice in her own workspace with B's ids, and with her own study around B's ids: refused exactly
    // as for ids that exist nowhere, so the answer does not even tell that B's ids exist.
    acting.user = alice;
    const bIds = [B.studyId, B.surveyId, B.segmentationId, B.segmentId, B.invitationId, B.apiKeyId, B.userId, B.responseId, B.runId];
    const aimedAtB = [B, { ...B, studyId: A.studyId }].filter((ids) => bIds.some((id) => JSON.stringify(input(ids)).includes(id)));
    for (const ids of aimedAtB) {
      const result = await action(A.slug, input(ids));
      expect(result, JSON.stringify(result)).toMatchObject({ ok: false, code: refusalOf(name) });
      expect(result).toEqual(await action(A.slug, input({ ...randomIds(), studyId: ids.studyId === B.studyId ? randomUUID() : A.studyId })));
    }
    expect(await snapshot(t.db, A.id)).toEqual(beforeA);
    expect(await snapshot(t.db, B.id)).toEqual(beforeB);
  });
});
