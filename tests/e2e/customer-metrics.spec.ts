import { expect, test, type Page } from "@playwright/test";
import { newSignedInUser, seedStudyChain, workspaceApi, type SeededStudy, type TestUser } from "./support/session";

/**
 * The study's Customers tab as a researcher uses it: recompute, read the charts, segments and the
 * join to respondents, search a customer, change the churn days and one cell of the RFM map, and
 * see both changes after the recomputation.
 *
 * Transactions arrive through the import API, as a company's export would; the successful import
 * queues the first computation, the Recompute button the second.
 */

const DAY = 86_400_000;
const LAST = Date.UTC(2024, 5, 30, 12); // 30 June 2024: reference date 1 July

/** 16 customers (C-0…C-5 are respondents of the seeded survey) plus K-TOP, the one best customer. */
async function seedTransactions(user: TestUser, workspaceSlug: string, studyId: string) {
  const lines = ["order,date,amount,customer"];
  for (let i = 0; i < 16; i++) {
    const id = i < 6 ? `C-${i}` : `K-${i}`;
    const last = LAST - i * 15 * DAY; // recency i × 15 + 1 days
    for (let k = 0; k < 1 + (i % 4); k++) lines.push(`${id}-o${k},${new Date(last - k * 20 * DAY).toISOString()},${10 * (1 + (i % 7))},${id}`);
  }
  for (let k = 0; k < 6; k++) lines.push(`TOP-o${k},${new Date(LAST - k * 10 * DAY).toISOString()},500,K-TOP`);
  const api = workspaceApi(user, workspaceSlug);
  const upload = await user.context.request.post(`/api/v1/imports?kind=transactions&fileName=orders.csv`, { data: `${lines.join("\n")}\n`, headers: { "x-workspace": workspaceSlug } });
  expect(upload.status(), await upload.text()).toBe(201);
  const importId = (await upload.json()).id;
  const mapping = { orderId: "order", occurredAt: "date", amount: "amount", customerId: "customer" };
  const started = await api.post(`/api/v1/imports/${importId}/start`, { delimiter: ",", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good", mapping });
  expect(started.status(), await started.text()).toBe(200);
  await expect.poll(async () => (await (await api.get(`/api/v1/imports/${importId}`)).json()).status, { timeout: 60_000 }).toBe("succeeded");
  // The import queued the first computation of the study's metrics.
  await expect.poll(async () => (await (await api.get(`/api/v1/studies/${studyId}/customers`)).json()).snapshots?.length ?? 0, { timeout: 60_000 }).toBe(1);
}

function stat(page: Page, label: string) {
  return page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
}

test.describe.configure({ mode: "serial" });
let owner: TestUser;
let seed: SeededStudy;

test("customer metrics: recompute, charts, segments, join, search, settings change", async ({ browser }) => {
  owner = await newSignedInUser(browser, "metrics");
  seed = await seedStudyChain(owner, "Metrics");
  await seedTransactions(owner, seed.workspace.slug, seed.studyId);
  const page = owner.page;
  const base = `/w/${seed.workspace.slug}/studies/${seed.studyId}/customers`;

  await page.goto(base);
  await page.getByRole("button", { name: "Recompute" }).click();
  await expect(stat(page, "Reference date")).toHaveText("2024-07-01");
  await expect(stat(page, "With purchases")).toHaveText("17");
  await expect(stat(page, "Churned")).toHaveText("10");
  await expect(page.getByText(/a run of ties takes the score of its lowest position/)).toBeVisible();

  // Charts, each a named figure with its data downloadable.
  for (const name of ["Recency: days since the last purchase", "Frequency: orders", "Monetary: net spend", "RFM grid: customers by R × F", "RFM grid: revenue by R × F"]) {
    const figure = page.getByRole("figure", { name });
    await expect(figure).toBeVisible();
    await expect(figure.locator("svg").first()).toBeVisible();
    await expect(figure.getByRole("button", { name: `Download data (CSV): ${name}` })).toBeVisible();
  }
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download data (CSV): Frequency: orders" }).click();
  expect((await download).suggestedFilename()).toBe("frequency-orders.csv");

  const segments = page.getByRole("table", { name: "Named RFM segments" });
  await expect(segments.getByRole("rowheader", { name: "Champions" })).toBeVisible();

  // Join: C-0…C-5 of the twelve respondents' ids are customers.
  await expect(page.getByText("6 of 12 respondents with a customer id matched (50%); 12 complete responses in all.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Customer ids not found in the customer data" }).getByText("C-11")).toBeVisible();

  // Search by id.
  await page.getByLabel("Search by customer id").fill("K-TOP");
  await page.getByRole("button", { name: "Show" }).click();
  const table = page.getByRole("table", { name: "Customer table" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("Champions");
  await expect(table.getByRole("row").nth(1)).toContainText("555");
  await page.screenshot({ path: "test-results/customer-metrics-tab.png", fullPage: true });

  // Settings: churn after 1 day, and 555 becomes Loyal.
  await page.getByRole("link", { name: "Metric settings" }).click();
  await page.getByLabel("Churned after this many days without a purchase").fill("1");
  await page.getByText("M 5", { exact: true }).click();
  await page.getByLabel("Segment for R 5, F 5, M 5").selectOption({ label: "Loyal" });
  await page.screenshot({ path: "test-results/customer-metrics-settings.png", fullPage: true });
  await page.getByRole("button", { name: "Save and recompute" }).click();
  await page.waitForURL((url) => url.pathname === base);
  await expect(stat(page, "Churned")).toHaveText("15");
  await page.getByLabel("Search by customer id").fill("K-TOP");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("table", { name: "Customer table" }).getByRole("row").nth(1)).toContainText("Loyal");
  await page.getByText("Snapshots (3)").click();
});

test("customer metrics API: summary with keyset pages, settings validated by the form's schema, recompute job", async () => {
  const api = workspaceApi(owner, seed.workspace.slug);
  const base = `/api/v1/studies/${seed.studyId}/customers`;
  const first = await (await api.get(`${base}?limit=10`)).json();
  expect(first.snapshot.summary).toMatchObject({ referenceDate: "2024-07-01", buyers: 17, churned: 15 });
  expect(first.join).toMatchObject({ responses: 12, withCustomerId: 12, matched: 6 });
  expect(first.table.customers[0].customerId).toBe("K-TOP");
  const second = await (await api.get(`${base}?limit=10&after=${encodeURIComponent(first.table.nextCursor)}`)).json();
  const ids = [...first.table.customers, ...second.table.customers].map((c: { customerId: string }) => c.customerId);
  expect(new Set(ids).size).toBe(17);
  expect(second.table.nextCursor).toBeNull();
  expect((await (await api.get(`${base}?segment=loyal&q=K-`)).json()).table.customers.map((c: { customerId: string }) => c.customerId)).toContain("K-TOP");

  const bad = await api.put(`${base}/settings`, { churnDays: 0, tiers: { powerMinActiveDays: 3, activeMinActiveDays: 4, dormantAfterDays: 30 } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fieldErrors).sort()).toEqual(["churnDays", "tiers.powerMinActiveDays"]);
  expect((await (await api.get(`${base}/settings`)).json()).settings.churnDays).toBe(1);

  const queued = await api.post(`${base}/recompute`);
  expect(queued.status()).toBe(202);
  const job = await queued.json();
  await expect.poll(async () => (await (await api.get(`/api/v1/jobs/${job.id}`)).json()).status).toBe("succeeded");
  expect((await (await api.get(base)).json()).snapshots).toHaveLength(4);
});
