import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { inviteMember, newSignedInUser, seedSurveyDefinition, seedStudyChain, SEED_BATTERY, workspaceApi, type SeededStudy, type TestUser } from "./support/session";

/**
 * Tenant isolation and the viewer role, end to end: Alice (owner of workspace A) tries every page
 * and every /api/v1 route on workspace B's data with every credential she has, Vera (viewer in B)
 * tries every change, and Bob (owner of B) checks afterwards that nothing moved. The lists below
 * mirror app/; the guard tests fail when a page or route is added without being listed here.
 */

// Every page under app/(app)/w/[workspace], with what a viewer of the workspace gets. NEW PAGES MUST BE ADDED HERE.
const PAGES: Record<string, { viewer: 200 | 404 }> = {
  "": { viewer: 200 },
  "data": { viewer: 404 },
  "data/imports/[importId]": { viewer: 404 },
  "settings/api-keys": { viewer: 404 },
  "settings/members": { viewer: 404 },
  "studies/[studyId]": { viewer: 200 }, // redirects to the Share tab
  "studies/[studyId]/customers": { viewer: 404 },
  "studies/[studyId]/customers/settings": { viewer: 404 },
  "studies/[studyId]/personas": { viewer: 200 },
  "studies/[studyId]/personas/[segmentId]": { viewer: 200 }, // the published persona's segment
  "studies/[studyId]/personas/[segmentId]/edit": { viewer: 404 },
  "studies/[studyId]/segments": { viewer: 200 },
  "studies/[studyId]/segments/[segmentationId]": { viewer: 200 },
  "studies/[studyId]/segments/new": { viewer: 404 },
  "studies/[studyId]/segments/runs/[runId]": { viewer: 200 },
  "studies/[studyId]/share": { viewer: 200 },
  "studies/[studyId]/survey": { viewer: 404 },
  "studies/[studyId]/survey/[surveyId]": { viewer: 404 },
  "studies/[studyId]/survey/[surveyId]/edit": { viewer: 404 },
  "studies/[studyId]/survey/[surveyId]/responses": { viewer: 404 },
  "studies/[studyId]/survey/[surveyId]/distribute": { viewer: 404 },
  "studies/[studyId]/survey/[surveyId]/preview": { viewer: 404 },
  "studies/[studyId]/survey/new": { viewer: 404 },
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Endpoint = { method: Method; route: string; body?: (b: SeededStudy) => unknown; viewer?: 200 | 403 };

// Every workspace route of /api/v1 with a valid body, so a refusal comes from access, not validation. NEW ROUTES MUST BE ADDED HERE.
const ENDPOINTS: Endpoint[] = [
  { method: "GET", route: "studies", viewer: 200 },
  { method: "POST", route: "studies", body: () => ({ name: "Intruder study" }) },
  { method: "GET", route: "studies/[studyId]/surveys", viewer: 403 },
  { method: "POST", route: "studies/[studyId]/surveys", body: () => seedSurveyDefinition("Intruder survey") },
  { method: "GET", route: "studies/[studyId]/segmentations", viewer: 200 },
  { method: "POST", route: "studies/[studyId]/segmentations", body: (b) => ({ surveyId: b.surveyId, questionId: SEED_BATTERY, k: 2, name: "Intruder" }) },
  { method: "GET", route: "studies/[studyId]/analysis-runs", viewer: 200 },
  { method: "POST", route: "studies/[studyId]/analysis-runs", body: (b) => ({ surveyId: b.surveyId, basis: [`${SEED_BATTERY}.rest`, `${SEED_BATTERY}.culture`], kMax: 3, bootstraps: 2, name: "Intruder" }) },
  { method: "GET", route: "analysis-runs/[runId]", viewer: 200 },
  { method: "POST", route: "analysis-runs/[runId]/solutions", body: () => ({ k: 2, name: "Intruder" }) },
  { method: "GET", route: "studies/[studyId]/personas", viewer: 200 },
  { method: "GET", route: "surveys/[surveyId]", viewer: 403 },
  { method: "POST", route: "surveys/[surveyId]/publish" },
  { method: "POST", route: "surveys/[surveyId]/contacts", body: () => [{ email: "intruder@example.com" }] },
  { method: "GET", route: "surveys/[surveyId]/limits", viewer: 403 },
  { method: "PUT", route: "surveys/[surveyId]/limits", body: () => ({ responseLimit: 1, personalLinkDays: 1 }) },
  { method: "GET", route: "surveys/[surveyId]/responses", viewer: 403 },
  { method: "GET", route: "surveys/[surveyId]/responses/export", viewer: 403 },
  { method: "DELETE", route: "surveys/[surveyId]/responses/[responseId]" },
  { method: "POST", route: "erasure", body: () => ({ customerId: "C-0" }) },
  { method: "GET", route: "segmentations/[segmentationId]", viewer: 200 },
  { method: "GET", route: "segmentations/[segmentationId]/membership", viewer: 403 },
  { method: "GET", route: "segmentations/[segmentationId]/descriptors", viewer: 200 },
  { method: "GET", route: "segmentations/[segmentationId]/compare/[otherId]", viewer: 200 },
  { method: "POST", route: "segmentations/[segmentationId]/assignments" },
  { method: "POST", route: "studies/[studyId]/segmentations/rule-based", body: () => ({ method: "rfm_segments", name: "Intruder" }) },
  // No segment rename: a viewer would be refused the rename itself, which would hide a missing role check.
  { method: "PUT", route: "segments/[segmentId]/persona", body: () => ({ name: "Intruder", status: "published" }) },
  { method: "GET", route: "personas/[personaId]", viewer: 200 },
  { method: "GET", route: "api-keys", viewer: 403 },
  { method: "POST", route: "api-keys", body: () => ({ name: "Intruder key", role: "admin" }) },
  { method: "GET", route: "members", viewer: 403 },
  { method: "POST", route: "invitations", body: () => ({ role: "owner" }) },
  { method: "GET", route: "jobs/[jobId]", viewer: 403 },
  { method: "POST", route: "jobs/[jobId]/cancel" },
  // Customer metrics of a study (issue 4, H6).
  { method: "GET", route: "studies/[studyId]/customers", viewer: 403 },
  { method: "GET", route: "studies/[studyId]/customers/settings", viewer: 403 },
  { method: "PUT", route: "studies/[studyId]/customers/settings", body: () => ({ churnDays: 30 }) },
  { method: "POST", route: "studies/[studyId]/customers/recompute" },
  { method: "GET", route: "imports", viewer: 403 },
  { method: "POST", route: "imports" }, // the file is the raw body; access is refused before it is read
  { method: "GET", route: "imports/[importId]", viewer: 403 },
  { method: "POST", route: "imports/[importId]/start", body: () => IMPORT_START },
  { method: "GET", route: "imports/[importId]/errors", viewer: 403 },
];
const IMPORT_CSV = "order,date,amount,customer\n1,2024-01-02,10.50,C-1\n";
const IMPORT_START = {
  delimiter: ",",
  decimalSeparator: "point",
  dateFormat: "iso",
  timeZone: "UTC",
  badRowPolicy: "keep-good",
  mapping: { orderId: "order", occurredAt: "date", amount: "amount", customerId: "customer" },
};
/** An import in B, run to its end before the checks, so import and job routes have real ids of B to refuse. */
let bImportId = "";
let bJobId = "";
// Routes that hold no workspace data or are open to respondents by design.
const PUBLIC_ROUTES = ["GET openapi.json", "POST public/surveys/[publicId]/responses", "GET public/surveys/[publicId]/maxdiff"];

const hasIds = (route: string) => route.includes("[");
const idsOf = (b: SeededStudy, workspace = b.workspace.slug): Record<string, string> => ({
  workspace,
  studyId: b.studyId,
  surveyId: b.surveyId,
  segmentationId: b.segmentationId,
  // Compared with itself: a valid pair, so a refusal can only come from access.
  otherId: b.segmentationId,
  runId: b.runId,
  segmentId: b.segmentIds[0],
  personaId: b.publishedPersona.id,
  // Not one of B's responses: the refusal must come before any lookup (permission, workspace).
  responseId: "00000000-0000-4000-8000-000000000000",
  // B's import job (the seeded sweep's job would do as well), so Bob's own read succeeds and refusals below are about isolation.
  jobId: bJobId,
  importId: bImportId,
});
function fill(route: string, ids: Record<string, string>): string {
  return route.replace(/\[(\w+)\]/g, (_, name: string) => ids[name] ?? `<missing ${name}>`);
}
const pageUrl = (route: string, ids: Record<string, string>) => `/w/${fill(`[workspace]${route ? `/${route}` : ""}`, ids)}`;

/** Route keys of the files named `file` under dir, with route groups like (app) left out. */
function routeFiles(dir: string, file: string, prefix: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === file ? [prefix.join("/")] : [];
    if (!entry.isDirectory()) return [];
    const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
    return routeFiles(path.join(dir, entry.name), file, [...prefix, ...segment]);
  });
}

/** `actsIn` is the workspace the credential resolves to: an API key ignores X-Workspace, a session is refused B. */
type Caller = { label: string; request: APIRequestContext; headers?: Record<string, string>; query?: string; actsIn?: "A" };
function call(caller: Caller, endpoint: Endpoint, b: SeededStudy, ids: Record<string, string> = idsOf(b)) {
  const url = `/api/v1/${fill(endpoint.route, ids)}${caller.query ?? ""}`;
  return caller.request.fetch(url, { method: endpoint.method, headers: caller.headers, data: endpoint.body?.(b) });
}

// The server-rendered HTML is all these checks need; waiting for every script would only slow the run down.
const goto = (page: Page, url: string) => page.goto(url, { waitUntil: "domcontentloaded" });

async function expectNotFoundPage(page: Page, url: string) {
  const response = await goto(page, url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" }), url).toBeVisible();
}

/** What Bob sees of B through the API; compared before and after the attempts, minus fields that reads legitimately touch. */
async function stateOf(owner: TestUser, b: SeededStudy) {
  const api = workspaceApi(owner, b.workspace.slug);
  const read = async (url: string) => {
    const response = await api.get(url);
    expect(response.status(), url).toBe(200);
    return response.json();
  };
  // Invitations have no list route; the members page shows the open ones, each with a Revoke button.
  const membersPage = await (await owner.context.request.get(`/w/${b.workspace.slug}/settings/members`)).text();
  const openInvitations = membersPage.match(/aria-label="Revoke: /g)?.length ?? 0;
  // Links are single-use: an accepted one leaves the open list for the page's record of used links.
  const acceptedInvitations = membersPage.match(/data-status="accepted"/g)?.length ?? 0;
  const apiKeys = (await read("/api/v1/api-keys")).apiKeys.map(({ lastUsedAt: _, ...key }: Record<string, unknown>) => key);
  return {
    studies: await read("/api/v1/studies"),
    surveys: await read(`/api/v1/studies/${b.studyId}/surveys`),
    survey: await read(`/api/v1/surveys/${b.surveyId}`),
    surveyLimits: await read(`/api/v1/surveys/${b.surveyId}/limits`),
    responses: await read(`/api/v1/surveys/${b.surveyId}/responses`),
    segmentations: await read(`/api/v1/studies/${b.studyId}/segmentations`),
    segmentation: await read(`/api/v1/segmentations/${b.segmentationId}`),
    // The seeded sweep may finish between the two reads; which runs exist must not change.
    analysisRuns: (await read(`/api/v1/studies/${b.studyId}/analysis-runs`)).analysisRuns.map(({ id, name }: { id: string; name: string }) => ({ id, name })),
    personas: await read(`/api/v1/studies/${b.studyId}/personas`),
    customerMetricSettings: await read(`/api/v1/studies/${b.studyId}/customers/settings`),
    customerMetricSnapshots: (await read(`/api/v1/studies/${b.studyId}/customers`)).snapshots,
    apiKeys,
    members: await read("/api/v1/members"),
    imports: await read("/api/v1/imports"),
    openInvitations,
    acceptedInvitations,
  };
}

test.describe.configure({ mode: "serial" });

let bob: TestUser, alice: TestUser, vera: TestUser, anonymous: BrowserContext;
let B: SeededStudy;
let A: { slug: string; studyId: string; apiKey: string };
let before: Awaited<ReturnType<typeof stateOf>>;

/** Alice's own workspace A: a study and an admin API key, so she has every kind of credential. */
async function newWorkspaceOf(user: TestUser) {
  const response = await user.context.request.post("/api/workspaces", { data: { name: "Alice workspace" } });
  expect(response.status()).toBe(201);
  const { slug } = (await response.json()) as { slug: string };
  const api = workspaceApi(user, slug);
  const study = await api.post("/api/v1/studies", { name: "Alice study" });
  const key = await api.post("/api/v1/api-keys", { name: "Alice key", role: "admin" });
  expect([study.status(), key.status()]).toEqual([201, 201]);
  return { slug, studyId: (await study.json()).id as string, apiKey: (await key.json()).key as string };
}

test.beforeAll(async ({ browser }) => {
  [bob, alice, vera] = await Promise.all(["bob", "alice", "vera"].map((label) => newSignedInUser(browser, label)));
  anonymous = await browser.newContext();
  B = await seedStudyChain(bob, "Bob");
  await inviteMember(bob, B.workspace.slug, vera, "viewer");
  A = await newWorkspaceOf(alice);
  const upload = await bob.context.request.post(`/api/v1/imports?kind=transactions&fileName=bob.csv`, { data: IMPORT_CSV, headers: { "x-workspace": B.workspace.slug } });
  expect(upload.status(), await upload.text()).toBe(201);
  bImportId = (await upload.json()).id;
  const bobApi = workspaceApi(bob, B.workspace.slug);
  const started = await bobApi.post(`/api/v1/imports/${bImportId}/start`, IMPORT_START);
  expect(started.status(), await started.text()).toBe(200);
  bJobId = (await started.json()).jobId;
  await expect.poll(async () => (await (await bobApi.get(`/api/v1/imports/${bImportId}`)).json()).status, { timeout: 60_000 }).toBe("succeeded");
  // A finished import queues a metrics snapshot; let it land so that "before" is the settled state.
  await expect
    .poll(async () => (await (await bobApi.get(`/api/v1/studies/${B.studyId}/customers`)).json()).snapshots.length, { timeout: 60_000 })
    .toBe(1);
  before = await stateOf(bob, B);
});

test.afterAll(async () => {
  await Promise.all([bob, alice, vera].map((user) => user?.context.close()));
  await anonymous?.close();
});

test("the page and route lists cover every page and route in app/", () => {
  const pages = routeFiles(path.join("app", "(app)", "w", "[workspace]"), "page.tsx");
  expect(pages.filter((route) => !(route in PAGES)), "pages missing from PAGES").toEqual([]);
  expect(Object.keys(PAGES).filter((route) => !pages.includes(route)), "PAGES entries without a page").toEqual([]);

  const apiDir = path.join("app", "api", "v1");
  const handlers = routeFiles(apiDir, "route.ts").flatMap((route) => {
    const source = readFileSync(path.join(apiDir, route, "route.ts"), "utf8");
    const methods = [...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return methods.map((method) => `${method} ${route}`);
  });
  const listed = [...ENDPOINTS.map((e) => `${e.method} ${e.route}`), ...PUBLIC_ROUTES];
  expect(handlers.filter((handler) => !listed.includes(handler)), "route handlers missing from ENDPOINTS").toEqual([]);
  expect(listed.filter((entry) => !handlers.includes(entry)), "listed routes that do not exist").toEqual([]);
});

test("Bob reaches every listed page and read route, so a 404 below means isolation, not a wrong id", async () => {
  // Plain requests in parallel: only the status matters here.
  const pages = await Promise.all(Object.keys(PAGES).map(async (route) => [route, (await bob.context.request.get(pageUrl(route, idsOf(B)))).status()]));
  expect(pages).toEqual(Object.keys(PAGES).map((route) => [route, 200]));
  const bobKey: Caller = { label: "Bob's key", request: anonymous.request, headers: { authorization: `Bearer ${B.apiKey}` } };
  const reads = ENDPOINTS.filter((e) => e.method === "GET");
  const statuses = await Promise.all(reads.map(async (endpoint) => [endpoint.route, (await call(bobKey, endpoint, B)).status()]));
  expect(statuses).toEqual(reads.map((endpoint) => [endpoint.route, 200]));
});

test("signed-out visitors of B's pages are sent to sign in", async () => {
  const redirects = await Promise.all(
    Object.keys(PAGES).map(async (route) => {
      const response = await anonymous.request.get(pageUrl(route, idsOf(B)), { maxRedirects: 0 });
      return [route, response.status(), response.headers().location];
    }),
  );
  expect(redirects).toEqual(Object.keys(PAGES).map((route) => [route, 307, "/login"]));
});

test("every workspace page of B is not found for Alice, with B's slug or her own", async () => {
  const page = alice.page;
  for (const route of Object.keys(PAGES)) {
    await expectNotFoundPage(page, pageUrl(route, idsOf(B)));
    if (!hasIds(route)) continue;
    // Her own slug with B's ids, and her own study with B's survey, segmentation or segment.
    await expectNotFoundPage(page, pageUrl(route, idsOf(B, A.slug)));
    if (/\[(surveyId|segmentationId|segmentId|runId)\]/.test(route)) await expectNotFoundPage(page, pageUrl(route, { ...idsOf(B, A.slug), studyId: A.studyId }));
  }
  await goto(page, `/w/${A.slug}`);
  await expect(page.getByRole("link", { name: "Alice study" })).toBeVisible();
  await expect(page.getByText("Bob study")).toHaveCount(0);
});

test("every /api/v1 route refuses Alice on B's data with every credential, and anonymous callers", async () => {
  const callers: Caller[] = [
    { label: "session naming B", request: alice.context.request, headers: { "x-workspace": B.workspace.slug } },
    { label: "session naming B in ?workspace=", request: alice.context.request, query: `?workspace=${B.workspace.slug}` },
    { label: "session naming A", request: alice.context.request, headers: { "x-workspace": A.slug }, actsIn: "A" },
    { label: "API key of A", request: anonymous.request, headers: { authorization: `Bearer ${A.apiKey}` }, actsIn: "A" },
    { label: "API key of A naming B", request: anonymous.request, headers: { authorization: `Bearer ${A.apiKey}`, "x-workspace": B.workspace.slug }, actsIn: "A" },
  ];
  const anonymousCaller: Caller = { label: "no credentials", request: anonymous.request, headers: { "x-workspace": B.workspace.slug } };
  const leaks = ["Bob", B.workspace.slug, B.studyId, B.surveyId, B.segmentationId, B.runId, B.jobId, ...B.segmentIds, B.publishedPersona.id, bob.email, vera.email];
  for (const endpoint of ENDPOINTS) {
    const where = `${endpoint.method} ${endpoint.route}`;
    expect((await call(anonymousCaller, endpoint, B)).status(), `${where} without credentials`).toBe(401);
    const attempts = callers.map(async (caller) => {
      const actsOnOwnWorkspace = !hasIds(endpoint.route) && caller.actsIn === "A";
      if (actsOnOwnWorkspace && endpoint.method !== "GET") return; // creating things in her own workspace is her right
      const response = await call(caller, endpoint, B);
      // Writes name the workspace by header only: ?workspace= alone is refused before any lookup.
      const namedOnlyInQuery = caller.query !== undefined && endpoint.method !== "GET";
      expect(response.status(), `${where} as Alice's ${caller.label}`).toBe(actsOnOwnWorkspace ? 200 : namedOnlyInQuery ? 400 : 404);
      // Lists of her own workspace answer, and hold nothing of B.
      const text = await response.text();
      for (const secret of leaks) expect(text, `${where} as Alice's ${caller.label}`).not.toContain(secret);
    });
    await Promise.all(attempts);
  }
  // The draft persona too, and nothing landed in Alice's own study.
  const draft = { method: "GET", route: "personas/[personaId]" } as const;
  for (const caller of callers) expect((await call(caller, draft, B, { ...idsOf(B), personaId: B.draftPersona.id })).status()).toBe(404);
  const own = workspaceApi(alice, A.slug);
  expect((await (await own.get(`/api/v1/studies/${A.studyId}/surveys`)).json()).surveys).toEqual([]);
  expect((await (await own.get(`/api/v1/studies/${A.studyId}/segmentations`)).json()).segmentations).toEqual([]);
});

test("Vera, a viewer of B, reads published personas and segment summaries but changes nothing", async () => {
  const session: Caller = { label: "Vera", request: vera.context.request, headers: { "x-workspace": B.workspace.slug } };
  for (const endpoint of ENDPOINTS) {
    const expected = endpoint.method === "GET" ? endpoint.viewer : 403;
    expect((await call(session, endpoint, B)).status(), `${endpoint.method} ${endpoint.route} as viewer`).toBe(expected);
  }
  const draft = await call(session, { method: "GET", route: "personas/[personaId]" }, B, { ...idsOf(B), personaId: B.draftPersona.id });
  expect(draft.status(), "a draft persona is not found for viewers").toBe(404);
  const listed = await (await call(session, { method: "GET", route: "studies/[studyId]/personas" }, B)).json();
  expect(listed.personas.map((p: { name: string }) => p.name)).toEqual([B.publishedPersona.name]);
});

test("Vera's pages show no edit controls, and the write pages are not found", async () => {
  const page = vera.page;
  const writeControl = /save|publish|run k-means|create|invite|revoke|remove|close|edit|write persona|new survey/i;
  for (const [route, { viewer }] of Object.entries(PAGES)) {
    const url = pageUrl(route, idsOf(B));
    if (viewer === 404) {
      await expectNotFoundPage(page, url);
      continue;
    }
    expect((await goto(page, url))?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).first(), url).toBeVisible();
    await expect(page.getByRole("button", { name: writeControl }), url).toHaveCount(0);
    await expect(page.getByRole("link", { name: writeControl }), url).toHaveCount(0);
  }
  await expectNotFoundPage(page, pageUrl("studies/[studyId]/personas/[segmentId]", { ...idsOf(B), segmentId: B.segmentIds[1] }));

  await goto(page, pageUrl("studies/[studyId]/personas/[segmentId]", idsOf(B)));
  await expect(page.getByRole("heading", { name: B.publishedPersona.name })).toBeVisible();
  await goto(page, pageUrl("studies/[studyId]/share", idsOf(B)));
  await expect(page.getByText(B.publishedPersona.name)).toBeVisible();
  await expect(page.getByText(B.draftPersona.name)).toHaveCount(0);
  const tabs = page.getByRole("navigation", { name: "Study sections" }).getByRole("link");
  await expect(tabs).toHaveText(["Segments", "Personas", "Share"]);
});

test("after all of it, Bob's workspace is exactly as it was and his API key still works", async () => {
  expect(await stateOf(bob, B)).toEqual(before);
  expect(before.survey.responseCount).toBe(12);
  expect(before.openInvitations, "Vera's invitation is used up").toBe(0);
  expect(before.acceptedInvitations, "Vera's invitation").toBe(1);
  expect(before.members.members.map((m: { email: string }) => m.email).sort()).toEqual([bob.email, vera.email].sort());
  const bobKey = await anonymous.request.get("/api/v1/studies", { headers: { authorization: `Bearer ${B.apiKey}` } });
  expect(bobKey.status()).toBe(200);
});
