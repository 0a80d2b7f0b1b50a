import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

test("a survey starts from a template, exports as JSON and imports again; bad files are refused", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const user = await newSignedInUser(browser, "templater");
  const workspace = await createWorkspaceViaApi(user);
  const study = await (await workspaceApi(user, workspace.slug).post("/api/v1/studies", { name: "Template study" })).json();
  const page = user.page;
  const newSurvey = `/w/${workspace.slug}/studies/${study.id}/survey/new`;

  await page.goto(newSurvey);
  await page.getByRole("navigation", { name: "Start from" }).getByRole("link", { name: "Value and NPS" }).click();
  await expect(page.getByLabel("Survey title (English)")).toHaveValue("Value and recommendation");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const surveyId = page.url().match(/survey\/([0-9a-f-]{36})\/edit/)![1]!;

  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${surveyId}`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON" }).click();
  const exportedPath = testInfo.outputPath("exported.json");
  await (await downloadPromise).saveAs(exportedPath);
  const exported = JSON.parse(readFileSync(exportedPath, "utf8"));
  expect(exported.definition.questions.map((q: { type: string }) => q.type)).toEqual(["nps", "open_text", "likert_battery"]);

  await page.goto(newSurvey);
  const fileInput = page.getByLabel("Definition file");
  await fileInput.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await page.getByRole("button", { name: "Import survey" }).click();
  await expect(page.getByText("The file is not valid JSON.")).toBeVisible();
  const unknownType = { languages: ["en"], defaultLanguage: "en", title: { en: "Bad" }, questions: [{ id: "q1", type: "heatmap", text: { en: "?" } }] };
  await fileInput.setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(unknownType)) });
  await page.getByRole("button", { name: "Import survey" }).click();
  await expect(page.getByText(/Unknown question type/)).toBeVisible();

  await fileInput.setInputFiles(exportedPath);
  await page.getByRole("button", { name: "Import survey" }).click();
  await expect(page).toHaveURL(/\/survey\/[0-9a-f-]{36}\/edit/);
  await expect(page.getByLabel("Survey title (English)")).toHaveValue("Value and recommendation");
  expect(page.url()).not.toContain(surveyId);
});
