import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import type { PublicUser } from "@/db/queries/users";
import { withSignInRetryAfter } from "@/lib/rate-limit/sign-in-response";
import { createInvitation } from "@/lib/workspaces/invitations";
import { createPublishedSurvey, createStudy, createUser, createWorkspace, uniqueEmail } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * Every entry point that carries a limit, called as Next calls it (route handlers with a Request,
 * server actions through their wrapper): past the limit a route answers 429 with Retry-After and an
 * action fails with code "rate_limited" and the wait. Only the signed-in user, the process-wide
 * database and the request headers are swapped for test doubles.
 */

const acting = vi.hoisted(() => ({ user: undefined as PublicUser | undefined, db: undefined as Database | undefined, headers: new Headers() }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => acting.user }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/db/client")>()), getDb: () => acting.db! }));
vi.mock("next/headers", () => ({ headers: async () => acting.headers, cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
// The reset action sends its mail after the response; there is no response here.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const signUpRoute = await import("@/app/api/auth/signup/route");
const { signUpAction } = await import("@/app/actions/sign-up");
const submitRoute = await import("@/app/api/v1/public/surveys/[publicId]/responses/route");
const maxDiffRoute = await import("@/app/api/v1/public/surveys/[publicId]/maxdiff/route");
const respondentActions = await import("@/app/(public)/s/[publicId]/actions");
const acceptRoute = await import("@/app/api/invitations/[token]/accept/route");
const { acceptInvitationAction } = await import("@/app/actions/workspaces");
const { requestPasswordResetAction, resetPasswordAction } = await import("@/app/actions/password-reset");

afterEach(() => vi.unstubAllEnvs());

let addressCounter = 0;
/** Each test comes from its own address through a trusted proxy, so limits never carry over between tests. */
function newClient(): Headers {
  addressCounter += 1;
  acting.headers = new Headers({ "x-forwarded-for": `198.51.100.1, 203.0.113.${addressCounter}` });
  return acting.headers;
}

const post = (url: string, body: unknown, headers: Headers) =>
  new Request(url, { method: "POST", headers: { ...Object.fromEntries(headers), "content-type": "application/json" }, body: JSON.stringify(body) });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

async function expectTooMany(response: Response, maxSeconds: number) {
  expect(response.status, await response.clone().text()).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(await response.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringMatching(/^Too many attempts\. Try again in \d+ (minutes?|hours?|seconds?)\.$/) } });
}

describe.each(testDatabaseKinds())("rate-limited entry points on %s", (kind) => {
  const t = useTestDatabase(kind);
  let publicId: string;

  beforeAll(async () => {
    acting.db = t.db;
    const owner = await createUser(t.db);
    const workspace = await createWorkspace(t.db, { ownerId: owner.id });
    const study = await createStudy(t.db, { workspaceId: workspace.id });
    publicId = (await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id })).publicId;
  });

  it("sign-up: the route answers 429 with Retry-After, the form's action the wait", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("RATE_LIMIT_SIGN_UP_PER_ADDRESS", "2/1h");
    const client = newClient();
    const body = () => ({ name: "Flood", email: uniqueEmail("flood"), password: "correct-horse-42" });
    for (let i = 0; i < 2; i++) expect((await signUpRoute.POST(post("http://localhost/api/auth/signup", body(), client), params({}))).status).toBe(201);
    await expectTooMany(await signUpRoute.POST(post("http://localhost/api/auth/signup", body(), client), params({})), 3600);
    expect(await signUpAction(body())).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    // Another address is not affected.
    newClient();
    expect(await signUpAction(body())).toMatchObject({ ok: true });
  });

  it("public submit: the API, the survey page's actions and the MaxDiff designs answer 429 past the limit", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("RATE_LIMIT_SUBMIT_PER_ADDRESS", "3/10m");
    vi.stubEnv("RATE_LIMIT_RESPONDENT_PER_ADDRESS", "2/10m");
    const client = newClient();
    const url = `http://localhost/api/v1/public/surveys/${publicId}/responses`;
    const submission = (i: number) => ({ submissionKey: `rate-limit-${addressCounter}-${i}`, answers: {} });
    for (let i = 0; i < 2; i++) expect((await submitRoute.POST(post(url, submission(i), client), params({ publicId }))).status).not.toBe(429);
    expect(await respondentActions.submitResponseAction({ ...submission(2), publicId })).not.toMatchObject({ code: "rate_limited" });
    await expectTooMany(await submitRoute.POST(post(url, submission(3), client), params({ publicId })), 600);
    expect(await respondentActions.submitResponseAction({ ...submission(4), publicId })).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: expect.any(Number) });

    // Autosave, resume and the designs share a separate, larger budget.
    expect(await respondentActions.saveProgressAction({ ...submission(5), publicId })).not.toMatchObject({ code: "rate_limited" });
    expect(await respondentActions.loadProgressAction({ publicId, submissionKey: submission(5).submissionKey })).not.toMatchObject({ code: "rate_limited" });
    expect(await respondentActions.loadProgressAction({ publicId, submissionKey: submission(5).submissionKey })).toMatchObject({ ok: false, code: "rate_limited" });
    await expectTooMany(await maxDiffRoute.GET(new Request(`http://localhost/api/v1/public/surveys/${publicId}/maxdiff`, { headers: client }), params({ publicId })), 600);
  });

  it("invitation accept: per user and per address, through the route and the invite page's action", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("RATE_LIMIT_INVITATION_PER_USER", "3/15m");
    vi.stubEnv("RATE_LIMIT_INVITATION_PER_ADDRESS", "6/15m");
    const owner = await createUser(t.db);
    const workspace = await createWorkspace(t.db, { ownerId: owner.id });
    const guesser = await createUser(t.db);
    acting.user = guesser;
    const client = newClient();
    const accept = (token: string) => acceptRoute.POST(new Request(`http://localhost/api/invitations/${token}/accept`, { method: "POST", headers: client }), params({ token }));
    for (let i = 0; i < 3; i++) expect((await accept(`guessed-token-${i}`)).status).toBe(404);
    await expectTooMany(await accept("guessed-token-3"), 900);
    // The real link is refused too while the user waits.
    const invitation = await createInvitation(t.db, { workspaceId: workspace.id, inviterId: owner.id, inviterRole: "owner", role: "viewer" });
    expect(await acceptInvitationAction({ token: invitation.token })).toMatchObject({ ok: false, code: "rate_limited" });
    // Another user from the same address: one attempt left of the address's six (refused ones count there too).
    acting.user = await createUser(t.db);
    expect(await acceptInvitationAction({ token: invitation.token })).toMatchObject({ ok: true });
    expect(await acceptInvitationAction({ token: "guessed-token-x" })).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("password reset: links are limited per e-mail (from any address) and per address, setting a new password per address", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    vi.stubEnv("RATE_LIMIT_PASSWORD_RESET_PER_EMAIL", "2/1h");
    vi.stubEnv("RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS", "4/1h");
    const email = uniqueEmail("reset");
    await createUser(t.db, { email });
    newClient();
    for (let i = 0; i < 2; i++) expect(await requestPasswordResetAction({ email })).toMatchObject({ ok: true });
    expect(await requestPasswordResetAction({ email: email.toUpperCase() })).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    // Another address cannot mail this person again either; another e-mail from it can ask.
    newClient();
    expect(await requestPasswordResetAction({ email })).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await requestPasswordResetAction({ email: uniqueEmail("someone") })).toMatchObject({ ok: true });
    const reset = () => resetPasswordAction({ token: "a-guessed-reset-token-0123456789", password: "new-password-42" });
    for (let i = 0; i < 2; i++) expect(await reset()).toMatchObject({ ok: false, code: "invalid" });
    expect(await reset()).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("sign-in: next-auth's refusal with rate_limited:<seconds> leaves as 429 with Retry-After", async () => {
    const refused = new Response(JSON.stringify({ url: "http://localhost:3000/api/auth/error?error=rate_limited%3A120" }), { status: 401, headers: { "content-type": "application/json" } });
    const limited = await withSignInRetryAfter(refused);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("120");
    expect(await limited.json()).toEqual({ url: "http://localhost:3000/api/auth/error?error=rate_limited%3A120" });
    const wrongPassword = new Response(JSON.stringify({ url: "http://localhost:3000/api/auth/error?error=CredentialsSignin&provider=credentials" }), { status: 401, headers: { "content-type": "application/json" } });
    expect((await withSignInRetryAfter(wrongPassword)).status).toBe(401);
    const redirect = new Response(null, { status: 302, headers: { location: "/login" } });
    expect(await withSignInRetryAfter(redirect)).toBe(redirect);
  });
});
