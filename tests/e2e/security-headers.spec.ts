import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";

// Security headers on the app, the login page, the respondent page and the API, and no CSP violation
// while a signed-in researcher and a respondent use the pages. scripts/e2e-server.ts sets
// EMBED_ALLOWED_ORIGINS=http://127.0.0.1:<port> for the run (the app itself is at http://localhost:<port>).
import { createWorkspaceViaApi, newSignedInUser, SEED_BATTERY, seedSurveyDefinition, workspaceApi, type TestUser } from "./support/session";

const port = Number(process.env.E2E_PORT ?? 3100);
const EMBED_ORIGIN = `http://127.0.0.1:${port}`;
const OTHER_ORIGIN = `http://127.0.0.2:${port}`;

type Headers = Record<string, string>;
const headersOf = (response: Response | APIResponse | null): Headers => {
  expect(response, "a response").toBeTruthy();
  return response!.headers();
};

function directives(csp: string | undefined): Map<string, string[]> {
  expect(csp, "Content-Security-Policy").toBeTruthy();
  return new Map(
    csp!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectPageHeaders(headers: Headers, expected: { referrer: string; embedOrigin: boolean }) {
  const csp = directives(headers["content-security-policy"]);
  const scripts = csp.get("script-src")!;
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts.some((source) => /^'nonce-[A-Za-z0-9+/]{22}==?'$/.test(source))).toBe(true);
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(expected.embedOrigin ? ["'self'", EMBED_ORIGIN] : ["'self'"]);
  expect(csp.has("upgrade-insecure-requests")).toBe(false);
  expect(headers["x-frame-options"]).toBe(expected.embedOrigin ? undefined : "SAMEORIGIN");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe(expected.referrer);
  // Served over plain http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function expectApiHeaders(headers: Headers) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(directives(headers["content-security-policy"]).get("frame-ancestors")).toEqual(["'none'"]);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
}

/** Collects every CSP violation the page reports (the event, and Chromium's console message). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** Study → published survey → 12 responses → a k = 2 solution, and an API key (no sweep: this spec needs no background work). */
async function seed(owner: TestUser) {
  const workspace = await createWorkspaceViaApi(owner, "Headers workspace");
  const api = workspaceApi(owner, workspace.slug);
  const ok = async (response: Awaited<ReturnType<typeof api.get>>, status: number) => {
    expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
    return response.json();
  };
  const study = await ok(await api.post("/api/v1/studies", { name: "Headers study" }), 201);
  const survey = await ok(await api.post(`/api/v1/studies/${study.id}/surveys`, seedSurveyDefinition("Headers survey")), 201);
  await ok(await api.post(`/api/v1/surveys/${survey.id}/publish`), 200);
  for (let i = 0; i < 12; i++) {
    const [high, low] = [5 - (i % 2), 1 + (i % 2)];
    const motives = i < 6 ? { rest: high, culture: low, nature: high, nightlife: low } : { rest: low, culture: high, nature: low, nightlife: high };
    await ok(await owner.context.request.post(`/api/v1/public/surveys/${survey.publicId}/responses`, { data: { submissionKey: `headers-seed-${i}`, answers: { [SEED_BATTERY]: motives, often: 1 + (i % 2) } } }), 201);
  }
  const segmentation = await ok(await api.post(`/api/v1/studies/${study.id}/segmentations`, { surveyId: survey.id, questionId: SEED_BATTERY, k: 2, name: "Headers segments" }), 201);
  const apiKey = await ok(await api.post("/api/v1/api-keys", { name: "Headers key", role: "admin" }), 201);
  return { workspace, studyId: study.id as string, surveyId: survey.id as string, publicId: survey.publicId as string, segmentationId: segmentation.id as string, apiKey: apiKey.key as string };
}

test("pages and the API carry the security headers, and nothing the app does is blocked", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const owner = await newSignedInUser(browser, "headers");
  const seeded = await seed(owner);

  // The login page, signed out.
  const anonymous = await browser.newContext();
  const loginPage = await anonymous.newPage();
  const loginViolations = await watchCsp(loginPage);
  const login = await loginPage.goto("/login");
  expectPageHeaders(headersOf(login), { referrer: "strict-origin-when-cross-origin", embedOrigin: false });
  await expect(loginPage.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Hydrated despite the strict policy: the form validates on the client.
  await loginPage.getByRole("button", { name: "Sign in" }).click();
  await expect(loginPage.getByText(/valid e-mail|Enter/i).first()).toBeVisible();
  // A fresh nonce on every request.
  const nonceOf = (headers: Headers) => /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  const again = await loginPage.request.get("/login");
  expect(nonceOf(headersOf(again))).toBeTruthy();
  expect(nonceOf(headersOf(again))).not.toBe(nonceOf(headersOf(login)));
  expect(loginViolations).toEqual([]);

  // Signed-in pages, charts included (the solution page draws recharts SVGs with inline styles).
  const { page } = owner;
  const appViolations = await watchCsp(page);
  const base = `/w/${seeded.workspace.slug}/studies/${seeded.studyId}`;
  const workspacePage = await page.goto(`/w/${seeded.workspace.slug}`);
  expectPageHeaders(headersOf(workspacePage), { referrer: "strict-origin-when-cross-origin", embedOrigin: false });
  const solution = await page.goto(`${base}/segments/${seeded.segmentationId}`);
  expectPageHeaders(headersOf(solution), { referrer: "strict-origin-when-cross-origin", embedOrigin: false });
  await expect(page.getByRole("heading", { name: "Segment profile plot" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.goto(`${base}/survey/${seeded.surveyId}`);
  await expect(page.getByRole("link", { name: /\/s\// }).first()).toBeVisible();
  // Client-side navigation works too (scripts ran).
  await page.getByRole("link", { name: /Distribute/ }).first().click();
  await expect(page).toHaveURL(/\/distribute$/);
  await page.goto(`${base}/survey/${seeded.surveyId}/responses`);
  await expect(page.getByRole("table").first()).toBeVisible();
  expect(appViolations).toEqual([]);

  // The respondent page: its URL may carry a token, so no referrer; embeddable on the configured origin only.
  const respondentContext = await browser.newContext();
  const respondent = await respondentContext.newPage();
  const respondentViolations = await watchCsp(respondent);
  const survey = await respondent.goto(`/s/${seeded.publicId}`);
  expectPageHeaders(headersOf(survey), { referrer: "no-referrer", embedOrigin: true });
  for (const row of ["rest", "culture", "nature", "nightlife"]) {
    await respondent.getByRole("group", { name: `Motive ${row}` }).getByRole("radio", { name: "Point 3" }).check();
  }
  await respondent.getByRole("group", { name: "How often do you travel?" }).getByRole("radio", { name: "Option 1" }).check();
  await respondent.getByRole("button", { name: "Submit" }).click();
  await expect(respondent.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  expect(respondentViolations).toEqual([]);
  const unsubscribe = await respondent.goto("/s/unsubscribe?t=nothing");
  const unsubscribeHeaders = headersOf(unsubscribe);
  expect(unsubscribeHeaders["referrer-policy"]).toBe("no-referrer");
  expect(directives(unsubscribeHeaders["content-security-policy"]).get("frame-ancestors")).toEqual(["'self'"]);

  // Framed by the allowed origin the survey shows; framed by another site it does not.
  const framingContext = await browser.newContext();
  // Chromium treats a page Playwright serves as public and would refuse it any frame on a local address.
  await framingContext.grantPermissions(["local-network-access"]);
  const framed = await framingContext.newPage();
  const frameViolations = await watchCsp(framed);
  const host = () => `<!doctype html><title>Intranet</title><iframe title="Survey" src="${baseURL}/s/${seeded.publicId}" width="800" height="600"></iframe>`;
  // Playwright answers for the host pages; the frames load the real respondent page from the app.
  await framed.route(`${EMBED_ORIGIN}/intranet`, (route) => route.fulfill({ contentType: "text/html", body: host() }));
  await framed.goto(`${EMBED_ORIGIN}/intranet`, { waitUntil: "domcontentloaded" });
  await expect(framed.frameLocator("iframe").getByRole("button", { name: "Submit" })).toBeVisible();
  expect(frameViolations).toEqual([]);
  const elsewhere = await framingContext.newPage();
  const elsewhereViolations = await watchCsp(elsewhere);
  await elsewhere.route(`${OTHER_ORIGIN}/page`, (route) => route.fulfill({ contentType: "text/html", body: host() }));
  await elsewhere.goto(`${OTHER_ORIGIN}/page`, { waitUntil: "domcontentloaded" });
  await expect.poll(() => elsewhereViolations.some((text) => /frame-ancestors/.test(text))).toBe(true);
  await expect(elsewhere.frameLocator("iframe").getByRole("button", { name: "Submit" })).toHaveCount(0);

  // HSTS (and upgrading sub-resources) once a TLS-terminating proxy says the request came over https.
  const overHttps = headersOf(await anonymous.request.get("/login", { headers: { "x-forwarded-proto": "https" } }));
  expect(overHttps["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  expect(directives(overHttps["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);

  // The API: fixed headers from next.config.js (the proxy stays off /api), on reads, writes and errors.
  const api = await playwright.request.newContext({ baseURL });
  const auth = { authorization: `Bearer ${seeded.apiKey}` };
  expectApiHeaders(headersOf(await api.get("/api/v1/openapi.json")));
  expectApiHeaders(headersOf(await api.get(`/api/v1/surveys/${seeded.surveyId}`, { headers: auth })));
  expectApiHeaders(headersOf(await api.get(`/api/v1/surveys/${seeded.surveyId}`)));
  const submitted = await api.post(`/api/v1/public/surveys/${seeded.publicId}/responses`, {
    data: { submissionKey: "headers-check-1", answers: { [SEED_BATTERY]: { rest: 1, culture: 2, nature: 3, nightlife: 4 }, often: 1 } },
  });
  expect(submitted.status()).toBe(201);
  expectApiHeaders(headersOf(submitted));
  // The submit route's own Cache-Control (no-transform keeps Next from gzipping tiny bodies) is kept.
  expect(headersOf(submitted)["cache-control"]).toBe("no-store, no-transform");
  const apiOverHttps = headersOf(await api.get("/api/v1/openapi.json", { headers: { "x-forwarded-proto": "https" } }));
  expect(apiOverHttps["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);

  await Promise.all([anonymous.close(), respondentContext.close(), framingContext.close(), api.dispose(), owner.context.close()]);
});
