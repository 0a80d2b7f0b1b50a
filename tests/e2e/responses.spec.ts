import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseCsv } from "@/lib/responses/csv";
import { createWorkspaceViaApi, newSignedInUser, seedSurveyDefinition, workspaceApi } from "./support/session";

test("a respondent on a phone resumes after a reload; the response is listed with its customer id and exported", async ({ browser }) => {
  // Two browsers, a reload and a download: longer than the default on a cold server.
  test.setTimeout(180_000);
  const owner = await newSignedInUser(browser, "collector");
  const workspace = await createWorkspaceViaApi(owner);
  const api = workspaceApi(owner, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Resume study", description: "" })).json();
  const created = await api.post(`/api/v1/studies/${study.id}/surveys`, seedSurveyDefinition("Resume survey"));
  expect(created.status(), await created.text()).toBe(201);
  const survey = await created.json();
  expect((await api.post(`/api/v1/surveys/${survey.id}/publish`)).status()).toBe(200);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(`/s/${survey.publicId}?customer_id=CUST-77`);
  const statement = (name: string) => page.getByRole("group", { name: `Motive ${name}` });
  await statement("rest").getByRole("radio", { name: "Point 5" }).check();
  await statement("culture").getByRole("radio", { name: "Point 2" }).check();
  await expect(page.getByRole("status").filter({ hasText: "Your answers are saved" })).toBeVisible();

  await page.reload();
  await expect(statement("rest").getByRole("radio", { name: "Point 5" })).toBeChecked();
  await expect(statement("culture").getByRole("radio", { name: "Point 2" })).toBeChecked();
  await statement("nature").getByRole("radio", { name: "Point 4" }).check();
  await statement("nightlife").getByRole("radio", { name: "Point 1" }).check();
  await page.getByRole("radio", { name: "Option 2" }).check();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: /thank you/i })).toBeVisible();
  await phone.close();

  const list = owner.page;
  await list.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${survey.id}`);
  await list.getByRole("link", { name: /Response list/ }).click();
  const table = list.getByRole("table", { name: "Responses, newest first" });
  const row = table.getByRole("row").filter({ hasText: "CUST-77" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Complete");

  const downloading = list.waitForEvent("download");
  await list.getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(csv).toHaveLength(2);
  const [header, values] = csv as [string[], string[]];
  expect(values[header.indexOf("customer_id")]).toBe("CUST-77");
  expect(values[header.indexOf("motives_rest")]).toBe("5");
  expect(values[header.indexOf("motives_culture")]).toBe("2");
  expect(values[header.indexOf("often")]).toBe("2");
  await owner.context.close();
});
