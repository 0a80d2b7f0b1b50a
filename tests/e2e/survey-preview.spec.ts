import { expect, test } from "@playwright/test";
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

/** A two-page, two-language draft: a required single choice on page 1, a required open text on page 2. */
function twoPageDraft() {
  return {
    languages: ["en", "fi"],
    defaultLanguage: "en",
    title: { en: "Holiday habits", fi: "Lomatottumukset" },
    questions: [
      {
        id: "often",
        type: "single_choice",
        text: { en: "How often do you travel?", fi: "Kuinka usein matkustat?" },
        options: [
          { id: "rarely", code: 1, label: { en: "Rarely", fi: "Harvoin" } },
          { id: "often", code: 2, label: { en: "Often", fi: "Usein" } },
        ],
      },
      { id: "why", type: "open_text", pageBreakBefore: true, text: { en: "Why do you travel?", fi: "Miksi matkustat?" } },
    ],
  };
}

test("a researcher previews a two-page draft on phone and desktop; nothing is saved", async ({ browser }) => {
  const owner = await newSignedInUser(browser, "previewer");
  const workspace = await createWorkspaceViaApi(owner);
  const api = workspaceApi(owner, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Preview study" })).json();
  const created = await api.post(`/api/v1/studies/${study.id}/surveys`, twoPageDraft());
  expect(created.status(), await created.text()).toBe(201);
  const survey = await created.json();
  const { page } = owner;

  // The designer keeps the page break, and links to the preview.
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${survey.id}/edit`);
  await expect(page.getByRole("group", { name: /^Question 2:/ }).getByLabel("Start a new page here")).toBeChecked();
  await page.getByRole("link", { name: "Preview", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/survey/${survey.id}/preview$`));
  await expect(page.getByText("Preview — answers are not saved")).toBeVisible();

  const frameElement = page.locator("iframe");
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { name: "Holiday habits" })).toBeVisible();
  await expect(frame.getByText("Preview — answers are not saved")).toBeVisible();

  // Phone: a 375 px frame; desktop: the full width.
  await page.getByRole("button", { name: "Phone" }).click();
  await expect(page.getByRole("button", { name: "Phone" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await frameElement.boundingBox())?.width).toBe(375);
  await page.getByRole("button", { name: "Desktop" }).click();
  await expect.poll(async () => (await frameElement.boundingBox())?.width).toBeGreaterThan(600);

  // Page 1 of 2: Next on an empty required question shows the message in place.
  await expect(frame.getByText("Page 1 of 2")).toBeVisible();
  const progress = frame.getByRole("progressbar", { name: "Progress" });
  await expect(progress).toHaveAttribute("aria-valuenow", "0");
  await expect(frame.getByRole("textbox", { name: /Why do you travel/ })).toHaveCount(0);
  await frame.getByRole("button", { name: "Next", exact: true }).click();
  await expect(frame.getByText("Please answer this question.")).toBeVisible();
  await expect(frame.getByText("Page 1 of 2")).toBeVisible();

  await frame.getByRole("radio", { name: "Often" }).check();
  await expect(progress).toHaveAttribute("aria-valuenow", "1");
  await frame.getByRole("button", { name: "Next", exact: true }).click();
  await expect(frame.getByText("Page 2 of 2")).toBeVisible();
  await expect(frame.getByRole("radio", { name: "Often" })).toHaveCount(0);

  // Back keeps the answer; the last page submits, and the preview only says it would be accepted.
  await frame.getByRole("button", { name: "Back", exact: true }).click();
  await expect(frame.getByRole("radio", { name: "Often" })).toBeChecked();
  await frame.getByRole("button", { name: "Next", exact: true }).click();
  await frame.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(frame.getByText("Please answer this question.")).toBeVisible();
  await frame.getByRole("textbox", { name: /Why do you travel/ }).fill("To rest");
  await expect(progress).toHaveAttribute("aria-valuenow", "2");
  await frame.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(frame.getByText("Preview: answers would be accepted")).toBeVisible();

  // The language switch reloads the frame in Finnish.
  await page.getByRole("button", { name: "Suomi" }).click();
  await expect(frame.getByRole("heading", { name: "Lomatottumukset" })).toBeVisible();
  await expect(frame.getByText("Sivu 1/2")).toBeVisible();

  // Nothing was saved: no response, complete or partial.
  const responses = await (await api.get(`/api/v1/surveys/${survey.id}/responses`)).json();
  expect(responses.responses).toEqual([]);
});

test("the preview is not public: signed-out visitors sign in, other workspaces get a 404", async ({ browser }) => {
  const owner = await newSignedInUser(browser, "previewowner");
  const workspace = await createWorkspaceViaApi(owner);
  const api = workspaceApi(owner, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Private study" })).json();
  const survey = await (await api.post(`/api/v1/studies/${study.id}/surveys`, twoPageDraft())).json();
  const frameUrl = `/preview/${workspace.slug}/${survey.id}`;
  expect((await owner.context.request.get(frameUrl)).status()).toBe(200);

  const outsider = await newSignedInUser(browser, "outsider");
  await createWorkspaceViaApi(outsider);
  expect((await outsider.context.request.get(frameUrl)).status()).toBe(404);

  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(frameUrl, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/login");
  await anonymous.close();
});
