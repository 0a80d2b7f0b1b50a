import { expect, test } from "@playwright/test";
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

/** A two-language survey with one question, so the walk depends only on distribution. */
const definition = {
  languages: ["en", "fi"],
  defaultLanguage: "en",
  title: { en: "Service check", fi: "Palvelukysely" },
  questions: [
    {
      id: "satisfied",
      type: "single_choice",
      text: { en: "Are you satisfied?", fi: "Oletko tyytyväinen?" },
      options: [
        { id: "yes", code: 1, label: { en: "Yes", fi: "Kyllä" } },
        { id: "no", code: 2, label: { en: "No", fi: "Ei" } },
      ],
    },
  ],
};

test("import contacts → invite → read the outbox → answer a personal link in Finnish on a phone → the link is used", async ({ browser }) => {
  const owner = await newSignedInUser(browser, "distributor");
  const workspace = await createWorkspaceViaApi(owner);
  const api = workspaceApi(owner, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Distribution study", description: "" })).json();
  const survey = await (await api.post(`/api/v1/studies/${study.id}/surveys`, definition)).json();
  expect((await api.post(`/api/v1/surveys/${survey.id}/publish`)).status()).toBe(200);

  const { page } = owner;
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${survey.id}`);
  await page.getByRole("link", { name: "Distribute" }).click();
  await page.waitForURL(/\/distribute$/);
  await expect(page.getByRole("heading", { name: "Distribute: Service check" })).toBeVisible();

  // Import: one good Finnish contact, one good default-language contact, one bad address.
  await page.getByLabel("CSV contents").fill("email,customer_id,language,plan\naino@example.fi,CUST-FI-1,fi,gold\nnot-an-address,CUST-X,en,\nbob@example.com,CUST-EN-2,,silver");
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 rows read" })).toContainText("2 new");
  const problems = page.getByRole("table", { name: "Rows not imported" });
  await expect(problems.getByRole("row").nth(1)).toContainText("3");
  await expect(problems.getByRole("row").nth(1)).toContainText("Not a valid e-mail address");

  // Invitations go to the outbox (no SMTP in tests).
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 messages queued" })).toBeVisible();
  const outbox = page.getByRole("table", { name: "Outbox" });
  const ainoRow = outbox.getByRole("row").filter({ hasText: "aino@example.fi" });
  await expect(ainoRow).toContainText("Palvelukysely: haluamme kuulla mielipiteesi");
  await expect(ainoRow).toContainText("Not sent (no SMTP)");
  await ainoRow.getByText("Show message").click();
  const body = await ainoRow.getByLabel("Message").innerText();
  const link = body.split("\n").find((line) => line.includes("?t="))!.trim();
  expect(link).toContain(`/s/${survey.publicId}?t=`);
  expect(body).toContain("/s/unsubscribe?t=");

  // The respondent: a phone, no session, the personal link in Finnish.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const respondent = await phone.newPage();
  const path = new URL(link).pathname + new URL(link).search;
  await respondent.goto(path);
  await expect(respondent.getByRole("heading", { level: 1, name: "Palvelukysely" })).toBeVisible();
  await respondent.getByRole("radio", { name: "Kyllä" }).check();
  await respondent.getByRole("button", { name: "Lähetä" }).click();
  await expect(respondent.getByRole("heading", { name: "Kiitos!" })).toBeVisible();

  // The response carries the contact's customer id, not anything from the URL.
  const responses = await (await api.get(`/api/v1/surveys/${survey.id}/responses`)).json();
  expect(responses.responses).toHaveLength(1);
  expect(responses.responses[0].customerId).toBe("CUST-FI-1");
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${survey.id}/responses`);
  await expect(page.getByRole("cell", { name: "CUST-FI-1", exact: true })).toBeVisible();

  // The link is now used; a tampered one is refused.
  await respondent.goto(path);
  await expect(respondent.getByRole("heading", { name: "Olet jo vastannut" })).toBeVisible();
  await respondent.goto(path.replace(/.(&|$)/, (match) => (match[0] === "A" ? "B" : "A") + match.slice(1)));
  await expect(respondent.getByRole("heading", { name: "Linkki ei kelpaa" })).toBeVisible();
  await phone.close();

  // The funnel counts the personal channel.
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${survey.id}/distribute`);
  const personal = page.getByRole("table", { name: "Funnel per channel" }).getByRole("row", { name: /Personal links/ });
  await expect(personal).toContainText("50");
});

test("the contacts API takes a JSON array or CSV text and reports bad rows", async ({ browser }) => {
  const owner = await newSignedInUser(browser, "contactsapi");
  const workspace = await createWorkspaceViaApi(owner);
  const api = workspaceApi(owner, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "API study", description: "" })).json();
  const survey = await (await api.post(`/api/v1/studies/${study.id}/surveys`, definition)).json();

  const json = await api.post(`/api/v1/surveys/${survey.id}/contacts`, [
    { email: "one@example.com", customer_id: "C-1", language: "fi", tier: "gold" },
    { email: "nope", customer_id: "C-2" },
  ]);
  expect(json.status(), await json.text()).toBe(200);
  expect(await json.json()).toMatchObject({ rows: 2, inserted: 1, updated: 0, problems: [{ line: 2, code: "email" }] });

  const csv = await owner.context.request.post(`/api/v1/surveys/${survey.id}/contacts`, {
    headers: { "x-workspace": workspace.slug, "content-type": "text/csv" },
    data: "email,customer_id,language\none@example.com,C-1b,fi\ntwo@example.com,C-3,de",
  });
  expect(csv.status(), await csv.text()).toBe(200);
  expect(await csv.json()).toMatchObject({ rows: 2, inserted: 0, updated: 1, problems: [{ line: 3, code: "language" }] });

  const openapi = await (await owner.context.request.get("/api/v1/openapi.json")).json();
  expect(openapi.paths["/api/v1/surveys/{surveyId}/contacts"].post).toBeTruthy();
});
