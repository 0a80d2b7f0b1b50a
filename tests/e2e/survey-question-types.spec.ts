import { expect, test, type Locator, type Page } from "@playwright/test";

// Every question type beyond the battery: designed in the designer, answered on a phone, summarised on the overview.
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

async function addQuestion(page: Page, type: string, n: number): Promise<Locator> {
  await page.getByLabel("Question type", { exact: true }).selectOption({ label: type });
  await page.getByRole("button", { name: "Add question of another type" }).click();
  const group = page.getByRole("group", { name: `Question ${n}: ${type}` });
  await expect(group).toBeVisible();
  return group;
}

async function fillItems(group: Locator, labels: string[], label: (n: number) => string, add: string) {
  for (const [index, text] of labels.entries()) {
    if (index >= 3) await group.getByRole("button", { name: add }).click();
    await group.getByLabel(label(index + 1), { exact: true }).fill(text);
  }
}

test("multiple choice, Likert item, rating, NPS, number, open text, ranking and constant sum: designed, answered on a phone, summarised", async ({ browser }) => {
  test.setTimeout(150_000);
  const user = await newSignedInUser(browser, "typer");
  const ws = await createWorkspaceViaApi(user);
  const api = workspaceApi(user, ws.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Holiday study" })).json();
  const page = user.page;
  await page.goto(`/w/${ws.slug}/studies/${study.id}/survey/new`);
  await page.getByLabel("Survey title (English)").fill("Holiday habits");

  const q1 = await addQuestion(page, "Multiple choice", 1);
  await q1.getByLabel("Question text", { exact: true }).fill("Where do you book?");
  await fillItems(q1, ["Website", "Travel agent", "Phone"], (n) => `Option ${n} label`, "Add option");
  await q1.getByRole("checkbox", { name: "Offer “Other, please specify”" }).check();
  await expect(q1.getByLabel("“Other” option label")).toHaveValue("Other, please specify");
  // The other option's code is editable like any code, and must not collide with an option's.
  await expect(q1.getByLabel("“Other” option code")).toHaveValue("97");
  await q1.getByLabel("“Other” option code").fill("2");
  await q1.getByLabel("At most (optional)").fill("2");

  const q2 = await addQuestion(page, "Likert item", 2);
  await q2.getByLabel("Question text", { exact: true }).fill("Holidays should be calm");
  const q3 = await addQuestion(page, "Rating", 3);
  await q3.getByLabel("Question text", { exact: true }).fill("Rate the value for money");
  await q3.getByLabel("Label at the low end").fill("Poor");
  await q3.getByLabel("Label at the high end").fill("Great");
  await q3.getByLabel("Show as").selectOption("slider");
  await addQuestion(page, "NPS", 4);
  const q5 = await addQuestion(page, "Number", 5);
  await q5.getByLabel("Question text", { exact: true }).fill("Nights away last year");
  await q5.getByLabel("Largest allowed (optional)").fill("365");
  const q6 = await addQuestion(page, "Open text", 6);
  await q6.getByLabel("Question text", { exact: true }).fill("Anything else?");
  const q7 = await addQuestion(page, "Ranking", 7);
  await q7.getByLabel("Question text", { exact: true }).fill("Rank what matters");
  await fillItems(q7, ["Price", "Place", "Food"], (n) => `Item ${n} label`, "Add item");
  await q7.getByLabel("Rank only the top (optional)").fill("2");
  const q8 = await addQuestion(page, "Constant sum", 8);
  await q8.getByLabel("Question text", { exact: true }).fill("Split your budget");
  await fillItems(q8, ["Stay", "Travel", "Fun"], (n) => `Item ${n} label`, "Add item");

  // A setting out of range is refused next to its field, by the same schema the server uses.
  await q7.getByLabel("Rank only the top (optional)").fill("5");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(q7.getByText("There are only 3 items")).toBeVisible();
  await expect(q1.getByText("Option code 2 is used twice")).toBeVisible();
  await q1.getByLabel("“Other” option code").fill("98");
  await q7.getByLabel("Rank only the top (optional)").fill("2");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  const link = await page.getByRole("link", { name: /\/s\// }).first().getAttribute("href");
  const path = new URL(link!).pathname;

  // The public API refuses answers outside what the definition allows.
  const survey = await (await api.get(`/api/v1/surveys/${page.url().split("/").pop()}`)).json();
  const rejected = await user.context.request.post(`/api/v1/public/surveys/${survey.publicId}/responses`, {
    data: { submissionKey: "e2e-bad-answers-1", answers: { q1: { codes: [9] }, q4: 11, q8: { i1: 99 } } },
  });
  expect(rejected.status()).toBe(422);

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await phone.newPage();
  await r.goto(path);
  await expect(r.getByRole("heading", { name: "Holiday habits" })).toBeVisible();
  const booking = r.getByRole("group", { name: "Where do you book?" });
  await booking.getByRole("checkbox", { name: "Website" }).check();
  await booking.getByRole("checkbox", { name: "Other, please specify" }).check();
  await booking.getByRole("textbox", { name: "Please specify" }).fill("<b>A friend</b>");
  await r.getByRole("group", { name: "Holidays should be calm" }).getByRole("radio", { name: "Agree", exact: true }).check();
  // The slider is answered by keyboard; until moved it says it has no answer.
  const rating = r.getByRole("group", { name: "Rate the value for money" });
  await expect(rating.getByRole("status")).toHaveText("Not answered yet. Move the slider to answer.");
  await rating.getByRole("slider").focus();
  await r.keyboard.press("End");
  await r.keyboard.press("ArrowLeft");
  await r.keyboard.press("ArrowLeft");
  await expect(rating.getByRole("status")).toHaveText("Your answer: 8");
  await r.getByRole("group", { name: /recommend us/ }).getByRole("radio", { name: "9", exact: true }).check();
  await r.getByRole("textbox", { name: "Nights away last year" }).fill("400");
  await r.getByRole("textbox", { name: "Anything else?" }).fill("<script>alert('x')</script>");
  await r.getByRole("combobox", { name: "Rank of “Place”" }).selectOption("1");
  await r.getByRole("combobox", { name: "Rank of “Price”" }).selectOption("2");
  await r.getByRole("textbox", { name: "Points for “Stay”" }).fill("60");
  await r.getByRole("textbox", { name: "Points for “Travel”" }).fill("30");
  await expect(r.getByText("Total: 90 of 100 · 10 points left")).toBeVisible();
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(r.getByText("Enter a number from 0 to 365.")).toBeVisible();
  await expect(r.getByText("The points must add up to exactly 100.")).toBeVisible();
  await r.getByRole("textbox", { name: "Nights away last year" }).fill("14");
  await r.getByRole("textbox", { name: "Points for “Fun”" }).fill("10");
  await expect(r.getByText("Total: 100 of 100")).toBeVisible();
  expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(r.getByRole("heading", { name: "Thank you!" })).toBeVisible();

  await page.reload();
  await expect(page.getByText("Complete responses: 1")).toBeVisible();
  const results = (name: string | RegExp) => page.getByRole("region", { name });
  const bookingRows = results("Where do you book?").getByRole("row");
  await expect(bookingRows.filter({ hasText: "Website" })).toContainText("100%");
  await expect(bookingRows.filter({ hasText: "Travel agent" })).toContainText("0%");
  await expect(results("Where do you book?").getByText("<b>A friend</b>")).toBeVisible();
  await expect(results(/recommend us/).getByText("NPS: 100")).toBeVisible();
  await expect(results("Rate the value for money").getByRole("row", { name: /Mean/ })).toContainText("8.00");
  await expect(results("Nights away last year").getByRole("row", { name: /Median/ })).toContainText("14.00");
  // Open text is shown as text: the script tag appears literally and runs nothing.
  await expect(results("Anything else?").getByText("<script>alert('x')</script>")).toBeVisible();
  await expect(results("Rank what matters").getByRole("row").nth(1)).toContainText("Place");
  await expect(results("Split your budget").getByRole("row", { name: /Stay/ })).toContainText("60.00");
  // "Other" was stored under the code the designer gave it.
  const stored = await (await api.get(`/api/v1/surveys/${survey.id}/responses`)).json();
  expect(stored.responses[0].answers.q1).toEqual({ codes: [1, 98], other: "<b>A friend</b>" });
  await phone.close();
});
