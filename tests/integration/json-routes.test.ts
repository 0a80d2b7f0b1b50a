import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import type { PublicUser } from "@/db/queries/users";
import { removeMember } from "@/db/queries/workspaces";
import { contacts, responses, studies } from "@/db/schema";
import { createApiKey } from "@/lib/workspaces/api-keys";
import { createMember, createPublishedSurvey, createStudy, createUser, createWorkspace, uniqueEmail } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * The JSON routes through their real handlers and access wrapper: only the session (who is signed in)
 * and the process-wide database are swapped for the test's. Bodies are counted while streaming and
 * refused (413) just past the limit, anything but application/json gets 415, cookie-authenticated
 * writes from other sites get 403, and writes name their workspace by header only.
 */

const acting = vi.hoisted(() => ({ user: undefined as PublicUser | undefined, db: undefined as Database | undefined }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => acting.user }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/db/client")>()), getDb: () => acting.db! }));

const submitRoute = await import("@/app/api/v1/public/surveys/[publicId]/responses/route");
const signupRoute = await import("@/app/api/auth/signup/route");
const workspacesRoute = await import("@/app/api/workspaces/route");
const studiesRoute = await import("@/app/api/v1/studies/route");
const contactsRoute = await import("@/app/api/v1/surveys/[surveyId]/contacts/route");
const importsRoute = await import("@/app/api/v1/imports/route");
const acceptRoute = await import("@/app/api/invitations/[token]/accept/route");

const CHUNK = 64 * 1024;
const ORIGIN = "http://localhost:3000";

/** A JSON-looking body that never ends, counting what the server pulled from it. */
function endlessJson() {
  const seen = { pulledBytes: 0, cancelled: false };
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulledBytes += CHUNK;
      const chunk = new Uint8Array(CHUNK).fill(0x20);
      if (first) chunk.set(new TextEncoder().encode('{"submissionKey":"'));
      first = false;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

function post(path: string, init: { body?: BodyInit | null; headers?: Record<string, string>; method?: string } = {}) {
  return new Request(`${ORIGIN}${path}`, { method: init.method ?? "POST", body: init.body ?? null, headers: init.headers, duplex: "half" } as RequestInit);
}
const json = (value: unknown, headers: Record<string, string> = {}) => ({ body: JSON.stringify(value), headers: { "content-type": "application/json", ...headers } });
const params = <P,>(value: P) => ({ params: Promise.resolve(value) });

describe.each(testDatabaseKinds())("JSON routes on %s", (kind) => {
  const t = useTestDatabase(kind);
  let owner: PublicUser;
  let workspace: { id: string; slug: string };
  let survey: { id: string; publicId: string };
  const submission = (key: string) => ({ submissionKey: `route-test-${key}`, answers: { q1: { s1: 4, s2: 2, s3: 5 }, q2: 1 } });
  const storedResponses = async () => (await t.db.select({ id: responses.id }).from(responses).where(eq(responses.surveyId, survey.id))).length;

  beforeAll(async () => {
    acting.db = t.db;
    owner = await createUser(t.db, { name: "Olivia Owner" });
    workspace = await createWorkspace(t.db, { ownerId: owner.id });
    const study = await createStudy(t.db, { workspaceId: workspace.id });
    survey = await createPublishedSurvey(t.db, { workspaceId: workspace.id, studyId: study.id });
  });

  it("stores a submission sent as JSON, so the refusals below are about the body", async () => {
    const response = await submitRoute.POST(post(`/api/v1/public/surveys/${survey.publicId}/responses`, json(submission("ok"))), params({ publicId: survey.publicId }));
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await storedResponses()).toBe(1);
  });

  it("stops reading a chunked body just past the limit (413), with flat memory", async () => {
    const { stream, seen } = endlessJson();
    const response = await submitRoute.POST(post(`/api/v1/public/surveys/${survey.publicId}/responses`, { body: stream, headers: { "content-type": "application/json" } }), params({ publicId: survey.publicId }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
    expect(seen.cancelled).toBe(true);
    // The route's limit is 200 KB: the reader pulled at most a chunk or two past it, never the endless rest.
    expect(seen.pulledBytes).toBeGreaterThan(200_000);
    expect(seen.pulledBytes).toBeLessThanOrEqual(200_000 + 2 * CHUNK);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const { stream, seen } = endlessJson();
    const response = await signupRoute.POST(post("/api/auth/signup", { body: stream, headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) } }), params({}));
    expect(response.status).toBe(413);
    expect(seen.pulledBytes).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("answers 415 to a valid submission sent as text/plain or as a form post, and stores nothing", async () => {
    const before = await storedResponses();
    const body = JSON.stringify(submission("plain"));
    for (const contentType of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await submitRoute.POST(post(`/api/v1/public/surveys/${survey.publicId}/responses`, { body, headers: { "content-type": contentType } }), params({ publicId: survey.publicId }));
      expect(response.status, contentType).toBe(415);
      expect((await response.json()).error.code).toBe("unsupported_media_type");
    }
    const form = new URLSearchParams({ submissionKey: "route-test-form", answers: "{}" });
    expect((await submitRoute.POST(post(`/api/v1/public/surveys/${survey.publicId}/responses`, { body: form }), params({ publicId: survey.publicId }))).status).toBe(415);
    const charset = await submitRoute.POST(
      post(`/api/v1/public/surveys/${survey.publicId}/responses`, { body, headers: { "content-type": "application/json; charset=utf-8" } }),
      params({ publicId: survey.publicId }),
    );
    expect(charset.status).toBe(201);
    expect(await storedResponses()).toBe(before + 1);
  });

  it("answers 415 on sign-up and workspace creation too", async () => {
    const signup = { name: "Form Poster", email: uniqueEmail(), password: "correct-horse-42" };
    expect((await signupRoute.POST(post("/api/auth/signup", { body: new URLSearchParams(signup) }), params({}))).status).toBe(415);
    expect((await signupRoute.POST(post("/api/auth/signup", json(signup)), params({}))).status).toBe(201);
    acting.user = owner;
    expect((await workspacesRoute.POST(post("/api/workspaces", { body: JSON.stringify({ name: "Plain" }), headers: { "content-type": "text/plain" } }), params({}))).status).toBe(415);
  });

  it("refuses cookie-authenticated writes from other sites (403) and lets same-origin and header-less ones through", async () => {
    acting.user = owner;
    const create = (headers: Record<string, string>) => studiesRoute.POST(post("/api/v1/studies", json({ name: `Study ${Object.values(headers).join(" ")}` }, { "x-workspace": workspace.slug, ...headers })), params({}));
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site", origin: ORIGIN }, { origin: "null" }];
    for (const headers of crossSite) {
      const response = await create(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await create({ "sec-fetch-site": "same-origin", origin: ORIGIN })).status).toBe(201);
    expect((await create({})).status).toBe(201);
    const refusedWorkspace = await workspacesRoute.POST(post("/api/workspaces", json({ name: "Cross" }, { origin: "https://evil.example" })), params({}));
    expect(refusedWorkspace.status).toBe(403);
    const invitationAccept = await acceptRoute.POST(post("/api/invitations/whatever-token/accept", { headers: { "sec-fetch-site": "cross-site" } }), params({ token: "whatever-token" }));
    expect(invitationAccept.status).toBe(403);
    const names = (await t.db.select({ name: studies.name }).from(studies).where(eq(studies.workspaceId, workspace.id))).map((s) => s.name);
    expect(names.some((name) => name.includes("evil") || name.includes("cross-site"))).toBe(false);
  });

  it("names the workspace of a write by the X-Workspace header only; reads may still use ?workspace=", async () => {
    acting.user = owner;
    const write = await studiesRoute.POST(post(`/api/v1/studies?workspace=${workspace.slug}`, json({ name: "By query" })), params({}));
    expect(write.status).toBe(400);
    expect((await write.json()).error.message).toContain("X-Workspace");
    const read = await studiesRoute.GET(post(`/api/v1/studies?workspace=${workspace.slug}`, { method: "GET" }), params({}));
    expect(read.status).toBe(200);
  });

  it("does not apply the cookie rules to API keys, which no other site can send", async () => {
    acting.user = undefined;
    const { key } = await createApiKey(t.db, { workspaceId: workspace.id, creatorId: owner.id, creatorRole: "owner", name: "CRM", role: "researcher" });
    const response = await studiesRoute.POST(post("/api/v1/studies", json({ name: "Via key" }, { authorization: `Bearer ${key}`, origin: "https://crm.example" })), params({}));
    expect(response.status).toBe(201);
  });

  it("refuses a removed creator's API key with 401 at the route", async () => {
    acting.user = undefined;
    const admin = await createMember(t.db, { workspaceId: workspace.id, role: "admin" });
    const { key } = await createApiKey(t.db, { workspaceId: workspace.id, creatorId: admin.id, creatorRole: "admin", name: "Leaver", role: "admin" });
    expect((await studiesRoute.GET(post("/api/v1/studies", { method: "GET", headers: { authorization: `Bearer ${key}` } }), params({}))).status).toBe(200);
    await removeMember(t.db, { workspaceId: workspace.id, userId: admin.id });
    const response = await studiesRoute.GET(post("/api/v1/studies", { method: "GET", headers: { authorization: `Bearer ${key}` } }), params({}));
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toContain("creator is no longer a member");
  });

  it("limits the contacts route while streaming and checks its content type", async () => {
    acting.user = owner;
    const headers = { "x-workspace": workspace.slug };
    const route = (body: BodyInit, contentType: string) =>
      contactsRoute.POST(post(`/api/v1/surveys/${survey.id}/contacts`, { body, headers: { ...headers, "content-type": contentType } }), params({ surveyId: survey.id }));
    const { stream, seen } = endlessJson();
    const huge = await route(stream, "text/csv");
    expect(huge.status).toBe(413);
    expect(seen.pulledBytes).toBeLessThanOrEqual(5_000_000 + 2 * CHUNK);
    expect((await route(new URLSearchParams({ csv: "email\na@example.fi" }), "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await route("email\nform@example.fi", "multipart/form-data; boundary=x")).status).toBe(415);
    const csv = await route("email,customer_id\ncsv@example.fi,C-1\n", "text/csv; charset=utf-8");
    expect(csv.status, await csv.clone().text()).toBe(200);
    const asJson = await route(JSON.stringify([{ email: "json@example.fi" }]), "application/json");
    expect(asJson.status, await asJson.clone().text()).toBe(200);
    const stored = await t.db.select({ email: contacts.email }).from(contacts).where(eq(contacts.surveyId, survey.id));
    expect(stored.map((c) => c.email).sort()).toEqual(["csv@example.fi", "json@example.fi"]);
  });

  it("refuses a form post or JSON as an import file (415) before reading it", async () => {
    acting.user = owner;
    for (const contentType of ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json"]) {
      const { stream, seen } = endlessJson();
      const response = await importsRoute.POST(post("/api/v1/imports?kind=transactions&fileName=x.csv", { body: stream, headers: { "x-workspace": workspace.slug, "content-type": contentType } }), params({}));
      expect(response.status, contentType).toBe(415);
      expect(seen.pulledBytes).toBeLessThanOrEqual(2 * CHUNK);
    }
  });
});
