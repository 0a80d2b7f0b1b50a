import { expect, test } from "@playwright/test";

// Issue 3's bad-input list, the parts other specs do not reach over HTTP: oversized payloads are refused before
// parsing, nothing is stored, and validation messages come back in the response's language.
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

const definition = {
  languages: ["en", "fi"],
  defaultLanguage: "en",
  title: { en: "Limits", fi: "Rajat" },
  questions: [
    { id: "why", type: "open_text", text: { en: "Why?", fi: "Miksi?" }, maxLength: 100 },
    { id: "nights", type: "numeric", text: { en: "Nights", fi: "Yöt" }, min: 0, max: 365, integer: true },
  ],
};

test("oversized payloads get 413 and store nothing; answers out of range get 422 in the response's language", async ({ browser }) => {
  const owner = await newSignedInUser(browser, "badinput");
  const workspace = await createWorkspaceViaApi(owner);
  const api = workspaceApi(owner, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Bad input study" })).json();

  // A definition past the 1 MB limit of the JSON API: refused before it is parsed.
  const huge = { ...definition, title: { en: "x".repeat(1_100_000) } };
  const tooBigSurvey = await api.post(`/api/v1/studies/${study.id}/surveys`, huge);
  expect(tooBigSurvey.status()).toBe(413);
  expect((await tooBigSurvey.json()).error.code).toBe("too_large");

  const survey = await (await api.post(`/api/v1/studies/${study.id}/surveys`, definition)).json();
  expect((await api.post(`/api/v1/surveys/${survey.id}/publish`)).status()).toBe(200);
  const submit = (data: unknown) => owner.context.request.post(`/api/v1/public/surveys/${survey.publicId}/responses`, { data });

  // A submission past the public endpoint's 200 kB limit.
  const oversized = await submit({ submissionKey: "bad-input-big-1", answers: { why: "y".repeat(250_000), nights: 3 } });
  expect(oversized.status()).toBe(413);
  expect((await oversized.json()).error.code).toBe("too_large");

  // Within the byte limit but past the question's own limits: 422, worded in the response's language.
  const tooLong = await submit({ submissionKey: "bad-input-long-1", language: "fi", answers: { why: "z".repeat(101), nights: 400 } });
  expect(tooLong.status()).toBe(422);
  expect((await tooLong.json()).error.fieldErrors).toEqual({ "answers.why": ["Käytä enintään 100 merkkiä."], "answers.nights": ["Anna enintään 365."] });
  const english = await submit({ submissionKey: "bad-input-long-2", answers: { why: "fine", nights: 1.5 } });
  expect((await english.json()).error.fieldErrors).toEqual({ "answers.nights": ["Enter a whole number."] });

  const responses = await (await api.get(`/api/v1/surveys/${survey.id}/responses`)).json();
  expect(responses.responses).toEqual([]);
});
