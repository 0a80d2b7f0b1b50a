import { expect, test } from "@playwright/test";

// The survey endpoints of /api/v1 as an integrating system uses them, with workspace API keys.
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

const definition = {
  languages: ["en"],
  defaultLanguage: "en",
  title: { en: "API survey" },
  questions: [
    { id: "q1", type: "likert_battery", text: { en: "Agree?" }, scale: [1, 2, 3, 4, 5].map((c) => ({ id: `p${c}`, code: c, label: { en: `P${c}` } })), rows: [{ id: "s1", text: { en: "A" } }, { id: "s2", text: { en: "B" } }] },
    { id: "q2", type: "single_choice", text: { en: "Pick" }, options: [{ id: "o1", code: 1, label: { en: "One" } }, { id: "o2", code: 2, label: { en: "Two" } }] },
  ],
};

test("the survey API validates, versions, submits idempotently and keeps workspaces apart", async ({ browser, playwright, baseURL }) => {
  const user = await newSignedInUser(browser, "apiuser");
  const ws = await createWorkspaceViaApi(user);
  const api = workspaceApi(user, ws.slug);
  const study = await (await api.post("/api/v1/studies", { name: "API study" })).json();
  const keys: Record<string, string> = {};
  for (const role of ["researcher", "viewer"]) {
    const r = await api.post("/api/v1/api-keys", { name: role, role });
    keys[role] = (await r.json()).key;
  }
  const req = await playwright.request.newContext({ baseURL });
  const auth = (role: string) => ({ authorization: `Bearer ${keys[role]}` });
  const malformed = await req.post(`/api/v1/studies/${study.id}/surveys`, { headers: { ...auth("researcher"), "content-type": "application/json" }, data: Buffer.from("{nope") });
  expect(malformed.status()).toBe(400);
  const invalid = await req.post(`/api/v1/studies/${study.id}/surveys`, { headers: auth("researcher"), data: { ...definition, title: { fi: "x" } } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fieldErrors).toBeDefined();
  expect((await req.post(`/api/v1/studies/${study.id}/surveys`, { headers: auth("viewer"), data: definition })).status()).toBe(403);
  const created = await req.post(`/api/v1/studies/${study.id}/surveys`, { headers: auth("researcher"), data: definition });
  expect(created.status()).toBe(201);
  const survey = await created.json();
  expect((await req.get(`/api/v1/surveys/${survey.id}`, { headers: auth("viewer") })).status()).toBe(403);
  const exported = await (await req.get(`/api/v1/surveys/${survey.id}`, { headers: auth("researcher") })).json();
  expect(exported.definition.questions[0].rows[1].id).toBe("s2");
  const pub = await req.post(`/api/v1/surveys/${survey.id}/publish`, { headers: auth("researcher") });
  expect(pub.status()).toBe(200);
  expect((await pub.json()).version).toBe(1);
  const body = { submissionKey: "abcdef123456", answers: { q1: { s1: 4, s2: 5 }, q2: 2 }, customerId: "CUST-1" };
  const first = await req.post(`/api/v1/public/surveys/${survey.publicId}/responses`, { data: body });
  expect(first.status()).toBe(201);
  const again = await req.post(`/api/v1/public/surveys/${survey.publicId}/responses`, { data: body });
  expect(again.status()).toBe(200);
  expect((await again.json()).responseId).toBe((await first.json()).responseId);
  const bad = await req.post(`/api/v1/public/surveys/${survey.publicId}/responses`, { data: { ...body, submissionKey: "zzzzzzzzzz", answers: { q1: { s1: 9 }, q7: 1 } } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.code).toBe("invalid");
  expect((await req.post(`/api/v1/public/surveys/nope/responses`, { data: body })).status()).toBe(404);
  for (let i = 0; i < 3; i++) await req.post(`/api/v1/public/surveys/${survey.publicId}/responses`, { data: { ...body, submissionKey: `key-number-${i}` } });
  const page1 = await (await req.get(`/api/v1/surveys/${survey.id}/responses?limit=3`, { headers: auth("researcher") })).json();
  expect(page1.responses).toHaveLength(3);
  const page2 = await (await req.get(`/api/v1/surveys/${survey.id}/responses?limit=3&after=${page1.nextCursor}`, { headers: auth("researcher") })).json();
  expect(page2.responses).toHaveLength(1);
  expect(page2.nextCursor).toBeNull();
  expect((await req.get(`/api/v1/surveys/${survey.id}/responses?limit=0`, { headers: auth("researcher") })).status()).toBe(422);
  expect((await req.get(`/api/v1/surveys/${survey.id}/responses`, { headers: auth("viewer") })).status()).toBe(403);
  // Another workspace's key cannot see it.
  const other = await newSignedInUser(browser, "other");
  const ows = await createWorkspaceViaApi(other);
  const okey = (await (await workspaceApi(other, ows.slug).post("/api/v1/api-keys", { name: "o", role: "researcher" })).json()).key;
  expect((await req.get(`/api/v1/surveys/${survey.id}`, { headers: { authorization: `Bearer ${okey}` } })).status()).toBe(404);
  expect((await req.post(`/api/v1/surveys/${survey.id}/publish`, { headers: { authorization: `Bearer ${okey}` } })).status()).toBe(404);
  expect((await req.get(`/api/v1/studies/${study.id}/surveys`, { headers: { authorization: `Bearer ${okey}` } })).status()).toBe(404);
  const list = await (await req.get(`/api/v1/studies/${study.id}/surveys`, { headers: auth("researcher") })).json();
  expect(list.surveys[0].responseCount).toBe(4);
  const doc = await (await req.get(`/api/v1/openapi.json`)).json();
  expect(Object.keys(doc.paths)).toContain("/api/v1/public/surveys/{publicId}/responses");
});
