import http from "node:http";
import { expect, test } from "@playwright/test";
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

// A Nordic export: semicolons, decimal commas, DD.MM.YYYY dates, an order column the app cannot guess ("Ref"),
// one unparseable amount, and a formula in a cell.
const CSV = [
  "Ref;Asiakas;Päivä;Summa;Huom",
  "A-100;C-1;24.12.2023 10.15;1.234,56;ok",
  "A-101;C-2;27.12.2023;12,50;=cmd|' /C calc'!A0",
  "A-102;C-1;28.12.2023;viisi;bad",
  "A-103;C-3;29.12.2023;-5,00;return",
].join("\r\n");

test("a researcher uploads a transactions CSV, adjusts the mapping, imports it and downloads the bad rows", async ({ browser }) => {
  const user = await newSignedInUser(browser, "importer");
  const { slug } = await createWorkspaceViaApi(user);
  const page = user.page;
  await page.goto(`/w/${slug}`);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Customer data" }).click();
  await expect(page.getByRole("heading", { name: "Customer data", level: 1 })).toBeVisible();

  await page.getByLabel("What the file holds").selectOption("transactions");
  await page.getByLabel("CSV file (.csv or .csv.gz)").setInputFiles({ name: "nordic-orders.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(/\/data\/imports\/[0-9a-f-]{36}$/);

  // The preview shows the first rows as text and the detected layout; the order column needs the user.
  await expect(page.getByRole("heading", { name: "First rows of the file" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "=cmd|' /C calc'!A0" })).toBeVisible();
  await expect(page.getByLabel("Delimiter")).toHaveValue(";");
  await expect(page.getByLabel("Decimal separator")).toHaveValue("comma");
  await expect(page.getByLabel("Date format")).toHaveValue("dmy-dot");
  await expect(page.getByLabel("Amount", { exact: true })).toHaveValue("Summa");
  await expect(page.getByLabel("Order id", { exact: true })).toHaveValue("");
  await page.screenshot({ path: "test-results/customer-import-mapping.png", fullPage: true });

  // Starting without an order id is refused next to the field.
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByLabel("Order id", { exact: true })).toHaveAccessibleDescription("Required: choose the column that holds this.");
  await expect(page.getByRole("alert").filter({ hasText: "The import could not start" })).toBeVisible();

  await page.getByLabel("Order id", { exact: true }).selectOption("Ref");
  await page.getByLabel("Customer id", { exact: true }).selectOption("Asiakas");
  await page.getByLabel("Date / time").selectOption("Päivä");
  await page.getByLabel("Time zone of dates without an offset").fill("Europe/Helsinki");
  await page.getByLabel("Import the good rows and report the bad ones").check();
  await page.getByRole("button", { name: "Start import" }).click();

  await expect(page.getByRole("heading", { name: "Result" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("count-rowsRead")).toHaveText("4");
  await expect(page.getByTestId("count-imported")).toHaveText("3");
  await expect(page.getByTestId("count-bad")).toHaveText("1");
  const badRow = page.getByRole("row").filter({ hasText: 'unparseable amount "viisi"' });
  await expect(badRow.getByRole("cell").first()).toHaveText("4");
  // Every bad row is counted by its reason (only the first ones are kept row by row).
  const byReason = page.getByRole("table", { name: "Bad rows by reason" });
  await expect(byReason.getByRole("row").filter({ hasText: "Amount not a number" }).getByRole("cell").last()).toHaveText("1");
  // The report says how the file was read: the columns chosen above, and what was left unused.
  const settings = page.getByRole("region", { name: "How the file was read" });
  const valueOf = (label: string) => settings.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(valueOf("Order id")).toHaveText("Ref");
  await expect(valueOf("Customer id")).toHaveText("Asiakas");
  await expect(valueOf("Amount")).toHaveText("Summa");
  await expect(valueOf("Item code")).toHaveText("not used");
  await expect(valueOf("Time zone of dates without an offset")).toHaveText("Europe/Helsinki");
  await expect(valueOf("Decimal separator")).toHaveText("Comma (1 234,56 or 1.234,56)");
  await page.screenshot({ path: "test-results/customer-import-report.png", fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all bad rows (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("nordic-orders-bad-rows.csv");
  const stream = await download.createReadStream();
  let text = "";
  for await (const chunk of stream) text += chunk;
  expect(text).toBe('line,reason,raw\r\n4,"unparseable amount ""viisi"" (decimal comma)",A-102;C-1;28.12.2023;viisi;bad\r\n');

  // A Finnish reader sees the same report in Finnish, on the page and in the download.
  await user.context.addCookies([{ name: "needscape_locale", value: "fi", url: new URL(page.url()).origin }]);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: 'summa "viisi" ei ole luku (desimaalierotin pilkku)' }).getByRole("cell").first()).toHaveText("4");
  await expect(page.getByRole("table", { name: "Virheelliset rivit syittäin" }).getByRole("row").filter({ hasText: "Summa ei ole luku" })).toContainText("1");
  const downloadingFinnish = page.waitForEvent("download");
  await page.getByRole("link", { name: "Lataa kaikki virheelliset rivit (CSV)" }).click();
  let finnish = "";
  for await (const chunk of await (await downloadingFinnish).createReadStream()) finnish += chunk;
  expect(finnish).toContain('4,"summa ""viisi"" ei ole luku (desimaalierotin pilkku)"');
  await user.context.addCookies([{ name: "needscape_locale", value: "en", url: new URL(page.url()).origin }]);
  await page.reload();

  // The history lists the import with its counts; the API reports the same.
  await page.getByRole("link", { name: "Back to customer data" }).click();
  await expect(page.getByRole("row").filter({ hasText: "nordic-orders.csv" })).toContainText("Imported");
  const list = await (await workspaceApi(user, slug).get("/api/v1/imports")).json();
  expect(list.imports[0]).toMatchObject({ status: "succeeded", counts: { rowsRead: 4, imported: 3, unchanged: 0, bad: 1, badByReason: { "unparseableNumber.amount": 1 } } });
});

test("a file with too many columns is refused at upload with a clear message, in the reader's language", async ({ browser }) => {
  const user = await newSignedInUser(browser, "wide-importer");
  const { slug } = await createWorkspaceViaApi(user);
  const page = user.page;
  await page.goto(`/w/${slug}/data`);
  const wide = `${Array.from({ length: 600 }, (_, i) => `c${i}`).join(",")}\n${"1,".repeat(599)}1\n`;
  await page.getByLabel("What the file holds").selectOption("customers");
  await page.getByLabel("CSV file (.csv or .csv.gz)").setInputFiles({ name: "wide.csv", mimeType: "text/csv", buffer: Buffer.from(wide) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The upload failed" })).toHaveText(
    "The upload failed: The file has 600 columns; an import reads at most 500. Remove the columns you do not need and upload it again.",
  );
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/data$`));
  await page.screenshot({ path: "test-results/customer-import-too-many-columns.png", fullPage: true });

  await user.context.addCookies([{ name: "needscape_locale", value: "fi", url: new URL(page.url()).origin }]);
  await page.reload();
  await page.getByLabel("Tiedoston sisältö").selectOption("customers");
  await page.getByLabel("CSV-tiedosto (.csv tai .csv.gz)").setInputFiles({ name: "wide.csv", mimeType: "text/csv", buffer: Buffer.from(wide) });
  await page.getByRole("button", { name: "Lataa", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Lataus epäonnistui" })).toContainText("Tiedostossa on 600 saraketta; tuonti lukee enintään 500.");

  // The header of 150,000 columns that once made a 9 MB answer and a 154 MB page: a short 422, at once.
  const header = Array.from({ length: 150_000 }, (_, i) => `column${i}`).join(",");
  const started = Date.now();
  const refused = await user.context.request.post(`/api/v1/imports?kind=customers&fileName=wide.csv`, {
    headers: { "x-workspace": slug },
    data: Buffer.from(`${header}\n${"1,".repeat(149_999)}1\n`),
  });
  expect(refused.status()).toBe(422);
  const body = await refused.text();
  expect(body.length).toBeLessThan(500);
  expect(Date.now() - started).toBeLessThan(10_000);
  // This reader chose Finnish (the cookie above).
  expect(JSON.parse(body).error.message).toBe("Ensimmäinen rivi on yli 32 kt pitkä. Ensimmäisellä rivillä on oltava sarakkeiden nimet: onko tämä CSV-tiedosto?");
  expect((await (await workspaceApi(user, slug).get("/api/v1/imports")).json()).imports).toEqual([]);
});

test("the API refuses an empty file, a binary file and a declared size over the limit", async ({ browser, baseURL }) => {
  const user = await newSignedInUser(browser, "api-importer");
  const { slug } = await createWorkspaceViaApi(user);
  const post = (data: Buffer | string, headers: Record<string, string> = {}) =>
    user.context.request.post(`/api/v1/imports?kind=transactions&fileName=x.csv`, { data, headers: { "x-workspace": slug, ...headers } });
  const empty = await post("");
  expect([empty.status(), (await empty.json()).error.message]).toEqual([422, "The file is empty."]);
  const binary = await post(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
  expect(binary.status()).toBe(422);
  // A 1 GB upload is refused from its Content-Length: the answer comes after the first 64 KiB, not after a gigabyte.
  const cookies = (await user.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const url = new URL(`/api/v1/imports?kind=transactions&fileName=huge.csv`, baseURL);
  const started = Date.now();
  const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { cookie: cookies, "x-workspace": slug, "content-length": String(1024 ** 3) } }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.write(Buffer.alloc(64 * 1024, "a,b\n"));
  });
  expect(huge.status).toBe(413);
  expect(JSON.parse(huge.body).error).toMatchObject({ code: "too_large", message: "The file is larger than the import limit of 200 MiB." });
  expect(Date.now() - started).toBeLessThan(10_000);
  expect((await (await workspaceApi(user, slug).get("/api/v1/imports")).json()).imports).toEqual([]);
});

test("an import whose first rows are mostly bad stops, saying why, and can be started again with another mapping", async ({ browser }) => {
  const user = await newSignedInUser(browser, "ratio-importer");
  const { slug } = await createWorkspaceViaApi(user);
  const api = workspaceApi(user, slug);
  // Nordic dates, started as ISO dates: every row is bad.
  const rows = Array.from({ length: 1500 }, (_, i) => `${i};A;${(i % 28) + 1}.1.2024;5`);
  const upload = await user.context.request.post(`/api/v1/imports?kind=transactions&fileName=nordic.csv`, { headers: { "x-workspace": slug }, data: `order;item;date;amount\n${rows.join("\n")}\n` });
  expect(upload.status()).toBe(201);
  const { id } = await upload.json();
  const mapping = { orderId: "order", itemCode: "item", occurredAt: "date", amount: "amount" };
  const started = await api.post(`/api/v1/imports/${id}/start`, { delimiter: ";", decimalSeparator: "point", dateFormat: "iso", timeZone: "UTC", badRowPolicy: "keep-good", mapping });
  expect(started.status()).toBe(200);
  await expect.poll(async () => (await (await api.get(`/api/v1/imports/${id}`)).json()).status, { timeout: 60_000 }).toBe("failed");
  const record = await (await api.get(`/api/v1/imports/${id}`)).json();
  expect(record).toMatchObject({ stop: { key: "errorRatio", bad: 1000, rows: 1000, percent: 50 }, counts: { rowsRead: 1000, bad: 1000, imported: 0, badByReason: { "unparseableDate.date": 1000 } } });

  const page = user.page;
  await page.goto(`/w/${slug}/data/imports/${id}`);
  await expect(page.getByRole("alert").filter({ hasText: "is the mapping right?" })).toHaveText(
    "More than 50 % of the first 1,000 rows were bad (1,000): is the mapping right? Nothing was imported. See the bad rows below, change the mapping and start again.",
  );
  await expect(page.getByRole("table", { name: "Bad rows by reason" }).getByRole("row").filter({ hasText: "Date not a date in the chosen format" })).toContainText("1,000");
  await page.getByLabel("Date format").selectOption("dmy-dot");
  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page.getByTestId("count-imported")).toHaveText("1,500", { timeout: 60_000 });
  await expect(page.getByRole("alert").filter({ hasText: "is the mapping right?" })).toHaveCount(0);
});
