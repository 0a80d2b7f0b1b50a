import { expect, test } from "@playwright/test";

// The survey designer and respondent page, beyond the walking skeleton: languages, validation, close and versions.
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

test("a bilingual survey: designed, answered in Finnish on a phone, closed and republished as version 2", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = await newSignedInUser(browser, "surveyor");
  const ws = await createWorkspaceViaApi(user);
  const api = workspaceApi(user, ws.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Travel study" })).json();
  const page = user.page;
  const base = `/w/${ws.slug}/studies/${study.id}/survey`;
  await page.goto(base);
  await expect(page.getByRole("heading", { name: "Create your first survey" })).toBeVisible();
  await page.getByRole("link", { name: "New survey" }).click();
  await page.getByLabel("Survey title (English)").fill("Travel needs");
  await page.getByLabel("Survey title (Finnish)").fill("Matkailutarpeet");
  await page.getByRole("checkbox", { name: "Finnish" }).check();
  // Saving empty first: errors shown.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Add at least one question")).toBeVisible();
  await page.getByRole("button", { name: "Add Likert battery" }).click();
  const q1 = page.getByRole("group", { name: "Question 1: Likert battery" });
  await q1.getByLabel("Question text", { exact: true }).fill("How much do you agree?");
  await q1.getByLabel("Statement 1", { exact: true }).fill("I travel to relax");
  await q1.getByRole("button", { name: "Add statement" }).click();
  await q1.getByLabel("Statement 2", { exact: true }).fill("I seek adventure");
  await page.getByRole("button", { name: "Add single-choice question" }).click();
  const q2 = page.getByRole("group", { name: "Question 2: Single choice" });
  await q2.getByLabel("Question text", { exact: true }).fill("How often do you travel?");
  await q2.getByLabel("Option 1 label").fill("Rarely");
  await q2.getByLabel("Option 2 label").fill("Yearly");
  await q2.getByRole("button", { name: "Add option" }).click();
  await q2.getByLabel("Option 3 label").fill("Monthly");
  await page.getByLabel("Edit question texts in").selectOption("fi");
  await q1.getByLabel("Question text", { exact: true }).fill("Kuinka samaa mieltä olet?");
  await q1.getByLabel("Statement 1", { exact: true }).fill("Matkustan rentoutuakseni");
  await page.getByLabel("Edit question texts in").selectOption("en");
  await expect(q1.getByLabel("Question text", { exact: true })).toHaveValue("How much do you agree?");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/edit\?saved=1/);
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  const link = await page.getByRole("link", { name: /\/s\// }).first().getAttribute("href");
  expect(link).toMatch(/\/s\/[0-9A-Za-z]{12}$/);

  const respondentContext = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await respondentContext.newPage();
  const path = new URL(link!).pathname;
  await r.goto(`${path}?customer_id=C-77`);
  await expect(r.getByRole("heading", { name: "Travel needs" })).toBeVisible();
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(r.getByText("Some answers are missing")).toBeVisible();
  await r.getByRole("group", { name: "I travel to relax" }).getByRole("radio", { name: "Agree", exact: true }).check();
  await r.getByRole("group", { name: "I seek adventure" }).getByRole("radio", { name: "Strongly agree" }).check();
  await r.getByRole("group", { name: "How often do you travel?" }).getByRole("radio", { name: "Yearly" }).check();
  const width = await r.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await r.getByRole("link", { name: "Suomi" }).click();
  await expect(r.getByRole("heading", { name: "Matkailutarpeet" })).toBeVisible();
  await expect(r.getByRole("group", { name: "Matkustan rentoutuakseni" }).getByRole("radio", { name: "Jokseenkin samaa mieltä" })).toBeChecked();
  await r.getByRole("button", { name: "Lähetä" }).click();
  await expect(r.getByRole("heading", { name: "Kiitos!" })).toBeVisible();

  const wide = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const w = await wide.newPage();
  await w.goto(path);

  await page.reload();
  await expect(page.getByText("Complete responses: 1")).toBeVisible();
  await page.getByRole("button", { name: "Close survey" }).click();
  await expect(page.getByText("The survey is closed:")).toBeVisible();
  await w.reload();
  await expect(w.getByRole("heading", { name: "This survey is closed" })).toBeVisible();
  // Edit after publishing: a new version.
  await page.getByRole("link", { name: "Edit survey" }).click();
  const e1 = page.getByRole("group", { name: "Question 1: Likert battery" });
  await e1.getByRole("button", { name: "Add statement" }).click();
  await e1.getByLabel("Statement 3", { exact: true }).fill("Price decides");
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await expect(page.getByRole("group", { name: "Question 1: Single choice" })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 2")).toBeVisible();
  await expect(page.getByText("Complete responses: 1")).toBeVisible();
  await w.reload();
  await expect(w.getByRole("group", { name: "Price decides" })).toBeVisible();
  await page.goto(base);
  await expect(page.getByRole("cell", { name: "1", exact: true })).toBeVisible();
});
