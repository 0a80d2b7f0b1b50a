import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parseCsv } from "@/lib/responses/csv";
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

// Issue 3's walk in one go: design a bilingual survey (battery, MaxDiff, constant sum) in the designer → preview →
// import a Finnish contact and invite → open the personal link from the outbox on a phone in Finnish, reload midway
// and resume → the response in the results with its customer id → the CSV export's row.

const STATEMENTS = [
  { en: "Rest and calm", fi: "Lepo ja rauha" },
  { en: "Culture and history", fi: "Kulttuuri ja historia" },
  { en: "Nature", fi: "Luonto" },
];
const MOTIVES = [
  { en: "Price", fi: "Hinta" },
  { en: "Speed", fi: "Nopeus" },
  { en: "Quality", fi: "Laatu" },
  { en: "Service", fi: "Palvelu" },
  { en: "Safety", fi: "Turvallisuus" },
];
const BUDGET = [
  { en: "Stay", fi: "Majoitus" },
  { en: "Travel", fi: "Matkat" },
  { en: "Fun", fi: "Huvit" },
];

async function addQuestionOfType(page: Page, type: string, n: number): Promise<Locator> {
  await page.getByLabel("Question type", { exact: true }).selectOption({ label: type });
  await page.getByRole("button", { name: "Add question of another type" }).click();
  const group = page.getByRole("group", { name: `Question ${n}: ${type}` });
  await expect(group).toBeVisible();
  return group;
}

/** Fills a list of labels (statements, items), adding rows past the ones a new question starts with. */
async function fillList(group: Locator, texts: string[], label: (n: number) => string, add: string, startsWith: number) {
  for (const [index, text] of texts.entries()) {
    if (index >= startsWith) await group.getByRole("button", { name: add }).click();
    await group.getByLabel(label(index + 1), { exact: true }).fill(text);
  }
}

test("the whole chain: design → preview → invite → answer a personal link in Finnish on a phone with a reload → results → export", async ({ browser }) => {
  test.setTimeout(300_000);
  const owner = await newSignedInUser(browser, "chainwalker");
  const workspace = await createWorkspaceViaApi(owner);
  const api = workspaceApi(owner, workspace.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Holiday motives study" })).json();
  const { page } = owner;

  // 1. Design through the designer: English and Finnish, a battery, a MaxDiff, a constant sum and a number.
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/new`);
  await page.getByLabel("Survey title (English)").fill("Holiday motives");
  await page.getByLabel("Survey title (Finnish)").fill("Lomamotiivit");
  await page.getByRole("checkbox", { name: "Finnish" }).check();

  await page.getByRole("button", { name: "Add Likert battery" }).click();
  const battery = page.getByRole("group", { name: "Question 1: Likert battery" });
  await battery.getByLabel("Question text", { exact: true }).fill("How important is each of these on holiday?");
  await fillList(battery, STATEMENTS.map((s) => s.en), (n) => `Statement ${n}`, "Add statement", 1);

  const maxdiff = await addQuestionOfType(page, "MaxDiff (best–worst)", 2);
  await maxdiff.getByLabel("Question text", { exact: true }).fill("Which matters most and least when you book?");
  await fillList(maxdiff, MOTIVES.map((m) => m.en), (n) => `Item ${n}`, "Add item", 5);
  await maxdiff.getByLabel("Items per set").fill("3");
  await maxdiff.getByLabel("Sets per respondent").fill("4");
  await maxdiff.getByLabel("Design versions").fill("2");

  const budget = await addQuestionOfType(page, "Constant sum", 3);
  await budget.getByLabel("Question text", { exact: true }).fill("Split 100 points by what you spend on");
  await fillList(budget, BUDGET.map((b) => b.en), (n) => `Item ${n} label`, "Add item", 3);

  const nights = await addQuestionOfType(page, "Number", 4);
  await nights.getByLabel("Question text", { exact: true }).fill("Nights away last year");
  await nights.getByLabel("Largest allowed (optional)").fill("365");

  await page.getByLabel("Edit question texts in").selectOption("fi");
  await battery.getByLabel("Question text", { exact: true }).fill("Kuinka tärkeää kukin näistä on lomalla?");
  for (const [i, s] of STATEMENTS.entries()) await battery.getByLabel(`Statement ${i + 1}`, { exact: true }).fill(s.fi);
  await maxdiff.getByLabel("Question text", { exact: true }).fill("Mikä on tärkeintä ja vähiten tärkeää varatessasi?");
  for (const [i, m] of MOTIVES.entries()) await maxdiff.getByLabel(`Item ${i + 1}`, { exact: true }).fill(m.fi);
  await budget.getByLabel("Question text", { exact: true }).fill("Jaa 100 pistettä sen mukaan, mihin käytät rahaa");
  for (const [i, b] of BUDGET.entries()) await budget.getByLabel(`Item ${i + 1} label`, { exact: true }).fill(b.fi);
  await nights.getByLabel("Question text", { exact: true }).fill("Yöt poissa kotoa viime vuonna");
  await page.getByLabel("Edit question texts in").selectOption("en");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/edit\?saved=1/);
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const editUrl = page.url();
  const surveyId = new URL(editUrl).pathname.split("/").at(-2)!;

  // 2. Preview the draft as a respondent, on a phone frame and in Finnish; nothing is stored.
  await page.getByRole("link", { name: "Preview", exact: true }).click();
  await expect(page.getByText("Preview — answers are not saved")).toBeVisible();
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { name: "Holiday motives" })).toBeVisible();
  await page.getByRole("button", { name: "Phone" }).click();
  await expect.poll(async () => (await page.locator("iframe").boundingBox())?.width).toBe(375);
  await page.getByRole("button", { name: "Suomi" }).click();
  await expect(frame.getByRole("heading", { name: "Lomamotiivit" })).toBeVisible();
  await expect(frame.getByRole("group", { name: "Lepo ja rauha" })).toBeVisible();
  await expect(frame.getByRole("group", { name: "Sarja 1/4" })).toBeVisible();

  // Publish from the designer.
  await page.goto(editUrl);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();

  // 3. Import a Finnish contact with a customer id, send invitations, read the Outbox.
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${surveyId}`);
  await page.getByRole("link", { name: "Distribute" }).click();
  await page.waitForURL(/\/distribute$/);
  await page.getByLabel("CSV contents").fill("email,customer_id,language\nsanna@example.fi,CUST-FI-42,fi");
  await page.getByRole("button", { name: "Import contacts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 rows read" })).toContainText("1 new");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 messages queued" })).toBeVisible();
  const row = page.getByRole("table", { name: "Outbox" }).getByRole("row").filter({ hasText: "sanna@example.fi" });
  await expect(row).toContainText("Lomamotiivit");
  await row.getByText("Show message").click();
  const body = await row.getByLabel("Message").innerText();
  const link = new URL(body.split("\n").find((line) => line.includes("?t="))!.trim());
  expect(link.searchParams.get("lang")).toBe("fi");

  // 4. The respondent opens the personal link on a phone, in Finnish.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const r = await phone.newPage();
  await r.goto(link.pathname + link.search);
  await expect(r.getByRole("heading", { level: 1, name: "Lomamotiivit" })).toBeVisible();
  const statement = (fi: string) => r.getByRole("group", { name: fi });
  await statement("Lepo ja rauha").getByRole("radio", { name: "Täysin samaa mieltä" }).check();
  await statement("Kulttuuri ja historia").getByRole("radio", { name: "Jokseenkin eri mieltä" }).check();
  await statement("Luonto").getByRole("radio", { name: "Jokseenkin samaa mieltä" }).check();
  const points = (fi: string) => r.getByRole("textbox", { name: `Pisteet kohteelle ”${fi}”` });
  await points("Majoitus").fill("50");
  await points("Matkat").fill("30");
  await points("Huvit").fill("20");
  await expect(r.getByText("Yhteensä: 100 / 100")).toBeVisible();
  await expect(r.getByRole("status").filter({ hasText: "Vastauksesi on tallennettu" })).toBeVisible();

  // Midway: a reload brings the answers back.
  await r.reload();
  await expect(r.getByRole("heading", { level: 1, name: "Lomamotiivit" })).toBeVisible();
  await expect(statement("Lepo ja rauha").getByRole("radio", { name: "Täysin samaa mieltä" })).toBeChecked();
  await expect(statement("Kulttuuri ja historia").getByRole("radio", { name: "Jokseenkin eri mieltä" })).toBeChecked();
  await expect(points("Majoitus")).toHaveValue("50");
  await expect(points("Huvit")).toHaveValue("20");

  // Validation speaks Finnish: a missing answer and a number out of range.
  await r.getByRole("textbox", { name: "Yöt poissa kotoa viime vuonna" }).fill("400");
  await r.getByRole("button", { name: "Lähetä" }).click();
  const question = r.getByRole("group", { name: /Mikä on tärkeintä/ });
  await expect(question.getByText("Vastaa tähän kysymykseen.")).toBeVisible();
  await expect(r.getByText("Anna enintään 365.")).toBeVisible();
  await r.getByRole("textbox", { name: "Yöt poissa kotoa viime vuonna" }).fill("14");

  // MaxDiff: in every set the first item shown is most important, the last least.
  const picks: { shown: string[]; best: string; worst: string }[] = [];
  for (let s = 1; s <= 4; s++) {
    const set = question.getByRole("group", { name: `Sarja ${s}/4` });
    const best = set.getByRole("group", { name: "Tärkein" });
    const shown = await best.getByRole("radio").evaluateAll((inputs) => inputs.map((input) => input.closest("label")!.textContent!.trim()));
    expect(shown).toHaveLength(3);
    await best.getByRole("radio", { name: shown[0], exact: true }).check();
    await set.getByRole("group", { name: "Vähiten tärkeä" }).getByRole("radio", { name: shown[2], exact: true }).check();
    picks.push({ shown, best: shown[0]!, worst: shown[2]! });
  }
  expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await r.getByRole("button", { name: "Lähetä" }).click();
  await expect(r.getByRole("heading", { name: "Kiitos!" })).toBeVisible();
  await phone.close();

  // 5. The researcher sees the response with its customer id.
  await page.goto(`/w/${workspace.slug}/studies/${study.id}/survey/${surveyId}`);
  await expect(page.getByText("Complete responses: 1")).toBeVisible();
  await page.getByRole("link", { name: /Response list/ }).click();
  const listed = page.getByRole("table", { name: "Responses, newest first" }).getByRole("row").filter({ hasText: "CUST-FI-42" });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText("Complete");

  // 6. The CSV export: one row, with the customer id, the language and codes for every answer.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const csv = parseCsv(await readFile((await (await downloading).path())!, "utf8"));
  expect(csv).toHaveLength(2);
  const [header, values] = csv as [string[], string[]];
  const cell = (name: string) => values[header.indexOf(name)];
  expect(cell("customer_id")).toBe("CUST-FI-42");
  expect(cell("language")).toBe("fi");
  expect(cell("channel")).toBe("personal");
  expect(cell("status")).toBe("complete");
  expect([cell("q1_s1"), cell("q1_s2"), cell("q1_s3")]).toEqual(["5", "2", "4"]);
  expect([cell("q3_i1"), cell("q3_i2"), cell("q3_i3")]).toEqual(["50", "30", "20"]);
  expect(cell("q4")).toBe("14");
  const codeOf = (fi: string) => String(MOTIVES.findIndex((m) => m.fi === fi) + 1);
  expect(["0", "1"]).toContain(cell("q2_version"));
  for (const [s, pick] of picks.entries()) {
    expect(cell(`q2_set${s + 1}_best`)).toBe(codeOf(pick.best));
    expect(cell(`q2_set${s + 1}_worst`)).toBe(codeOf(pick.worst));
  }
  // The counting score: (times best − times worst) / times shown, from the sets this respondent saw.
  for (const [i, motive] of MOTIVES.entries()) {
    const shown = picks.filter((p) => p.shown.includes(motive.fi)).length;
    const best = picks.filter((p) => p.best === motive.fi).length;
    const worst = picks.filter((p) => p.worst === motive.fi).length;
    expect(Number(cell(`q2_i${i + 1}_score`)), motive.en).toBeCloseTo((best - worst) / shown, 3);
  }

  // The codebook and labels in Finnish: the survey's texts and the export's own column texts.
  const exportUrl = `/api/v1/surveys/${surveyId}/responses/export`;
  const codebook = parseCsv(await (await api.get(`${exportUrl}?format=codebook&lang=fi`)).text());
  expect(codebook).toContainEqual(["q2_set1_best", "q2", "set1_best", "maxdiff", "Mikä on tärkeintä ja vähiten tärkeää varatessasi? — sarja 1, eniten", "1", "Hinta"]);
  expect(codebook).toContainEqual(["q1_s1", "q1", "s1", "likert_battery", "Kuinka tärkeää kukin näistä on lomalla? — Lepo ja rauha", "5", "Täysin samaa mieltä"]);
  const labelled = parseCsv(await (await api.get(`${exportUrl}?format=csv&labels=1&lang=fi`)).text());
  expect(labelled[1]![labelled[0]!.indexOf("q2_set1_best")]).toBe(picks[0]!.best);
  await owner.context.close();
});
