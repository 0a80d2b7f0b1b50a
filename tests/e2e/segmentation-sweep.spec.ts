import { expect, test } from "@playwright/test";
import { createWorkspaceViaApi, newSignedInUser, SEED_BATTERY, seedSurveyDefinition, workspaceApi } from "./support/session";

/**
 * The issue-5 walk: a researcher chooses basis and descriptor variables, explores the data, runs
 * the k sweep as a background job (few bootstraps), reads scree, silhouette and stability with the
 * recommendation, picks k, reads its segment stability and profiles, saves the solution and writes
 * a persona for one of its segments.
 */
test("dataset → sweep → pick k → save → persona", async ({ browser }) => {
  test.setTimeout(150_000);
  const rita = await newSignedInUser(browser, "rita");
  const workspace = await createWorkspaceViaApi(rita, "Sweep workspace");
  const api = workspaceApi(rita, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Holiday needs" })).json();
  const survey = await (await api.post(`/api/v1/studies/${study.id}/surveys`, seedSurveyDefinition("Holiday motives"))).json();
  expect((await api.post(`/api/v1/surveys/${survey.id}/publish`)).status()).toBe(200);
  // 40 respondents in two clear groups (rest and nature seekers, culture and nightlife seekers), answers jittered by a point.
  const jitter = (i: number, j: number) => ((i * 7 + j * 3) % 5 === 0 ? 1 : 0);
  for (let i = 0; i < 40; i++) {
    const [high, low] = [(j: number) => 5 - jitter(i, j), (j: number) => 1 + jitter(i, j)];
    const motives = i % 2 === 0 ? { rest: high(0), culture: low(1), nature: high(2), nightlife: low(3) } : { rest: low(0), culture: high(1), nature: low(2), nightlife: high(3) };
    const response = await rita.context.request.post(`/api/v1/public/surveys/${survey.publicId}/responses`, {
      data: { submissionKey: `sweep-respondent-${i}`, answers: { [SEED_BATTERY]: motives, often: 1 + (i % 2) }, customerId: `C-${i}` },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  const page = rita.page;
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/segments`);
  await page.getByRole("link", { name: "New analysis" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New analysis: dataset and k sweep" })).toBeVisible();

  // The battery's statements start as the basis; the travel frequency becomes a descriptor.
  await expect(page.getByLabel("Role for Motive rest")).toHaveValue("basis");
  await page.getByLabel("Role for How often do you travel?").selectOption("descriptor");
  await page.getByLabel("Largest k").fill("4");
  await page.getByLabel("Restarts per k").fill("3");
  await page.getByLabel("Bootstrap pairs per k").fill("5");
  await page.getByLabel("Run name (optional)").fill("Motives sweep");

  await page.screenshot({ path: "test-results/sweep-dataset.png", fullPage: true });
  await page.getByRole("button", { name: "Explore data" }).click();
  const exploration = page.getByRole("region", { name: "Data exploration" });
  await expect(exploration).toBeVisible();
  await expect(exploration.getByRole("table", { name: "Variables before preprocessing" })).toContainText("How often do you travel?");
  await expect(exploration.getByText(/fewer than the 400 recommended for 4 basis columns/)).toBeVisible();
  await expect(exploration.getByRole("img", { name: "Correlations of the basis columns" })).toBeVisible();
  await expect(exploration.getByRole("img", { name: "PCA scree" })).toBeVisible();
  await exploration.screenshot({ path: "test-results/sweep-exploration.png" });

  await page.getByRole("button", { name: "Run sweep" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Motives sweep" })).toBeVisible();
  // Progress while the job runs, then the results replace it (the page refreshes when the job ends).
  await expect(page.getByRole("img", { name: "Within-cluster sum of squares (scree)" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("img", { name: "Silhouette per k" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Global stability (bootstrap ARI)" })).toBeVisible();
  const recommendation = page.getByRole("region", { name: "Recommendation" });
  await expect(recommendation).toContainText(/k = 2: the most stable solution, excellent stability \(median ARI 1\.00\)/);
  await page.screenshot({ path: "test-results/sweep-results.png", fullPage: true });
  // The API serves the same stored results.
  const runId = page.url().split("/runs/")[1]!;
  const runJson = await (await api.get(`/api/v1/analysis-runs/${runId}`)).json();
  expect(runJson).toMatchObject({ status: "succeeded", config: { kMax: 4, bootstraps: 5, descriptors: ["often"] }, results: { respondentCount: 40, recommendation: { k: 2 } } });
  expect(runJson.results.ks.map((entry: { k: number; ari: number[] }) => [entry.k, entry.ari.length])).toEqual([[2, 5], [3, 5], [4, 5]]);

  // The numbers behind the stability chart are one disclosure away.
  const stability = page.getByRole("figure").filter({ hasText: "Global stability (bootstrap ARI)" });
  await stability.getByText("Show the numbers").click();
  await expect(stability.getByRole("table")).toContainText("Median ARI");

  // Look at k = 3, then settle on the recommended k = 2.
  const chooseK = page.getByLabel("Number of segments to look at");
  await expect(chooseK).toHaveValue("2");
  await chooseK.selectOption("3");
  await expect(page.getByRole("heading", { name: "Solution with k = 3" })).toBeVisible();
  await chooseK.selectOption("2");
  await expect(page.getByRole("table", { name: "Segment-level stability (Jaccard)" })).toContainText("Segment 2");
  await expect(page.getByRole("table", { name: "Segment sizes" })).toContainText("50");
  await expect(page.getByRole("table", { name: "Segment profiles" })).toContainText("Motive nightlife");

  await page.getByLabel("Solution name (optional)").fill("Motive segments");
  await page.getByRole("button", { name: "Save solution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Motive segments" })).toBeVisible();
  // The saved solution reads like any other: profile plot, per-segment KPIs and the descriptor tables.
  await expect(page.getByRole("heading", { name: "Segment profile plot" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Segment KPIs" })).toBeVisible();
  await expect(page.getByText(/Chi-square χ²\(\d+\) = .*Cramér's V/).first()).toBeVisible();

  // The run is listed on the Segments tab, beside the saved solution.
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/segments`);
  await expect(page.getByRole("table", { name: "Analysis runs" })).toContainText("Finished");
  await expect(page.getByRole("table", { name: "Saved solutions" })).toContainText("Motive segments");

  // The persona flow works on the saved solution's segments.
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/personas`);
  await page.getByRole("link", { name: "Write persona" }).first().click();
  await page.getByLabel("Segment name").fill("Rest seekers");
  await page.getByLabel("Persona name").fill("Resting Rami");
  await page.getByLabel("Summary").fill("Wants calm holidays close to nature.");
  await page.getByRole("button", { name: "Save persona" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Resting Rami" })).toBeVisible();
  await rita.context.close();
});
