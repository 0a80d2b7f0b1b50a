import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const PASSWORD = "correct-horse-42";

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.test`;
}

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the request's browser context. */
export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(response.ok(), "credentials sign-in").toBeTruthy();
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email, "signed in").toBe(email);
}

export type TestUser = { name: string; email: string; context: BrowserContext; page: Page };

/** A new account in its own browser context, signed in through the API (only the auth spec uses the forms). */
export async function newSignedInUser(browser: Browser, label: string, options: { mobile?: boolean } = {}): Promise<TestUser> {
  const context = await browser.newContext(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  const email = uniqueEmail(label);
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} Tester`;
  const created = await context.request.post("/api/auth/signup", { data: { name, email, password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  await signInViaApi(context.request, email);
  return { name, email, context, page };
}

/** A workspace owned by the user; returns its slug. */
export async function createWorkspaceViaApi(user: TestUser, name = `Workspace ${randomBytes(3).toString("hex")}`): Promise<{ id: string; slug: string }> {
  const response = await user.context.request.post("/api/workspaces", { data: { name } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** JSON request to /api/v1 as the signed-in user in the given workspace. */
export function workspaceApi(user: TestUser, workspaceSlug: string) {
  const headers = { "x-workspace": workspaceSlug };
  return {
    get: (path: string) => user.context.request.get(path, { headers }),
    post: (path: string, data?: unknown) => user.context.request.post(path, { headers, data }),
    put: (path: string, data?: unknown) => user.context.request.put(path, { headers, data }),
  };
}

/** Adds another user to the workspace with a role, through an invitation link. */
export async function inviteMember(owner: TestUser, workspaceSlug: string, member: TestUser, role: string): Promise<void> {
  const invitation = await workspaceApi(owner, workspaceSlug).post("/api/v1/invitations", { role });
  expect(invitation.status(), await invitation.text()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  const accepted = await member.context.request.post(`/api/invitations/${token}/accept`);
  expect(accepted.status(), await accepted.text()).toBe(200);
}

/** The survey every seeded study uses: a 4-statement Likert battery (the segmentation basis) and one single choice. */
export const SEED_BATTERY = "motives";
export function seedSurveyDefinition(title = "Travel motives") {
  const scale = [1, 2, 3, 4, 5].map((code) => ({ id: `p${code}`, code, label: { en: `Point ${code}` } }));
  return {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: title },
    questions: [
      {
        id: SEED_BATTERY,
        type: "likert_battery",
        text: { en: "How important is each of these on holiday?" },
        scale,
        rows: ["rest", "culture", "nature", "nightlife"].map((id) => ({ id, text: { en: `Motive ${id}` } })),
      },
      { id: "often", type: "single_choice", text: { en: "How often do you travel?" }, options: [1, 2].map((code) => ({ id: `o${code}`, code, label: { en: `Option ${code}` } })) },
    ],
  };
}

export type SeededStudy = {
  workspace: { id: string; slug: string };
  studyId: string;
  surveyId: string;
  publicId: string;
  segmentationId: string;
  /** A k sweep (k 2–3, two bootstrap pairs) started on the survey; it runs in the background. */
  runId: string;
  /** The background job of that run. */
  jobId: string;
  /** Segment 0 has a published persona, segment 1 a draft one. */
  segmentIds: [string, string];
  publishedPersona: { id: string; name: string };
  draftPersona: { id: string; name: string };
  apiKey: string;
};

/**
 * A workspace with the whole chain seeded over HTTP, as a team would build it: study → published
 * survey → 12 responses in two clear groups → a saved k = 2 segmentation → one published and one
 * draft persona → an admin API key. No database access, so it works against any running server.
 */
export async function seedStudyChain(owner: TestUser, label: string): Promise<SeededStudy> {
  const workspace = await createWorkspaceViaApi(owner, `${label} workspace`);
  const api = workspaceApi(owner, workspace.slug);
  const ok = async (response: Awaited<ReturnType<typeof api.get>>, status: number) => {
    expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
    return response.json();
  };
  const study = await ok(await api.post("/api/v1/studies", { name: `${label} study`, description: "Seeded" }), 201);
  const definition = seedSurveyDefinition(`${label} survey`);
  // A "pick any" question, so solutions have a multiple-choice descriptor to show.
  const channels = { id: "channels", type: "multiple_choice", text: { en: "Where do you book?" }, required: false, options: [1, 2].map((code) => ({ id: code === 1 ? "web" : "shop", code, label: { en: code === 1 ? "Online" : "Travel agency" } })) };
  const survey = await ok(await api.post(`/api/v1/studies/${study.id}/surveys`, { ...definition, questions: [...definition.questions, channels] }), 201);
  await ok(await api.post(`/api/v1/surveys/${survey.id}/publish`), 200);
  // The public endpoint needs no credentials; the owner's cookie rides along but is ignored.
  for (let i = 0; i < 12; i++) {
    const [high, low] = [5 - (i % 2), 1 + (i % 2)];
    const motives = i < 6 ? { rest: high, culture: low, nature: high, nightlife: low } : { rest: low, culture: high, nature: low, nightlife: high };
    const answers = { [SEED_BATTERY]: motives, often: 1 + (i % 2), channels: { codes: i < 6 ? [1] : [1, 2] } };
    await ok(await owner.context.request.post(`/api/v1/public/surveys/${survey.publicId}/responses`, { data: { submissionKey: `${label}-seed-${i}`, answers, customerId: `C-${i}` } }), 201);
  }
  const segmentation = await ok(await api.post(`/api/v1/studies/${study.id}/segmentations`, { surveyId: survey.id, questionId: SEED_BATTERY, k: 2, name: `${label} segments` }), 201);
  const run = await ok(await api.post(`/api/v1/studies/${study.id}/analysis-runs`, { surveyId: survey.id, basis: ["rest", "culture", "nature", "nightlife"].map((id) => `${SEED_BATTERY}.${id}`), kMax: 3, restarts: 2, bootstraps: 2 }), 202);
  const segmentIds = segmentation.segments.map((segment: { id: string }) => segment.id) as [string, string];
  const persona = (segmentId: string, values: Record<string, unknown>) => api.put(`/api/v1/segments/${segmentId}/persona`, values);
  const published = await ok(await persona(segmentIds[0], { segmentName: `${label} rest seekers`, name: `${label} Rita`, summary: "Wants calm", goals: ["Rest"], status: "published" }), 200);
  const draft = await ok(await persona(segmentIds[1], { name: `${label} Dan`, summary: "Not ready", status: "draft" }), 200);
  const apiKey = await ok(await api.post("/api/v1/api-keys", { name: `${label} key`, role: "admin" }), 201);
  return {
    workspace,
    studyId: study.id,
    surveyId: survey.id,
    publicId: survey.publicId,
    segmentationId: segmentation.id,
    runId: run.id,
    jobId: run.jobId,
    segmentIds,
    publishedPersona: { id: published.id, name: published.name },
    draftPersona: { id: draft.id, name: draft.name },
    apiKey: apiKey.key,
  };
}
