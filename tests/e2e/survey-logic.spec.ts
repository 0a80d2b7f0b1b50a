import { expect, test } from "@playwright/test";

// Display logic and randomisation: designed in the designer, seen by a respondent, stable across a reload.
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

test("a follow-up appears only after its triggering answer, and a respondent's random order survives a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = await newSignedInUser(browser, "logic");
  const ws = await createWorkspaceViaApi(user);
  const study = await (await workspaceApi(user, ws.slug).post("/api/v1/studies", { name: "Car study" })).json();
  const page = user.page;
  await page.goto(`/w/${ws.slug}/studies/${study.id}/survey/new`);
  await page.getByLabel("Survey title (English)").fill("Cars and brands");
  await page.getByRole("checkbox", { name: "Randomise question order" }).check();

  await page.getByRole("button", { name: "Add single-choice question" }).click();
  const q1 = page.getByRole("group", { name: "Question 1: Single choice" });
  await q1.getByLabel("Question text", { exact: true }).fill("Do you own a car?");
  await q1.getByLabel("Option 1 label").fill("Yes");
  await q1.getByLabel("Option 2 label").fill("No");
  for (const [n, label] of [[3, "Leasing"], [4, "Sharing"], [5, "Not yet"]] as const) {
    await q1.getByRole("button", { name: "Add option" }).click();
    await q1.getByLabel(`Option ${n} label`).fill(label);
  }
  await q1.getByRole("checkbox", { name: "Randomise options" }).check();

  await page.getByRole("button", { name: "Add Likert battery" }).click();
  const q2 = page.getByRole("group", { name: "Question 2: Likert battery" });
  await q2.getByLabel("Question text", { exact: true }).fill("How much do you agree?");
  await q2.getByLabel("Statement 1", { exact: true }).fill("Driving is fun");
  await q2.getByRole("button", { name: "Add statement" }).click();
  await q2.getByLabel("Statement 2", { exact: true }).fill("Parking is easy");
  await q2.getByRole("checkbox", { name: "Randomise statements" }).check();
  await q2.getByRole("checkbox", { name: "Answer required" }).uncheck();

  await page.getByRole("button", { name: "Add single-choice question" }).click();
  const q3 = page.getByRole("group", { name: "Question 3: Single choice" });
  await q3.getByLabel("Question text", { exact: true }).fill("Which brand do you drive?");
  await q3.getByLabel("Option 1 label").fill("Volvo");
  await q3.getByLabel("Option 2 label").fill("Saab");
  await q3.getByRole("checkbox", { name: "Answer required" }).check();
  // Publishing a condition without answers is refused next to the field.
  await q3.getByLabel("Earlier question deciding whether question 3 is shown").selectOption({ label: "Q1: Do you own a car?" });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(q3.getByText("Choose at least one answer")).toBeVisible();
  await q3.getByLabel("Condition for question 3").selectOption("any_of");
  await q3.getByRole("checkbox", { name: "Yes (1)" }).check();
  await q3.getByRole("checkbox", { name: "Leasing (3)" }).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  const link = await page.getByRole("link", { name: /\/s\// }).first().getAttribute("href");

  const respondent = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await respondent.newPage();
  await r.goto(new URL(link!).pathname);
  const owns = r.getByRole("group", { name: "Do you own a car?" });
  await expect(owns).toBeVisible();
  // Answers are watched for autosave once any earlier progress has been looked up.
  await expect(r.getByRole("status")).toHaveText("");
  const followUp = r.getByRole("group", { name: "Which brand do you drive?" });
  await expect(followUp).toHaveCount(0);
  await owns.getByRole("radio", { name: "No", exact: true }).check();
  await expect(followUp).toHaveCount(0);
  await owns.getByRole("radio", { name: "Leasing" }).check();
  await expect(followUp).toBeVisible();
  await owns.getByRole("radio", { name: "Yes" }).check();
  await expect(followUp).toBeVisible();

  const optionOrder = () => owns.getByRole("radio").evaluateAll((radios) => radios.map((radio) => radio.closest("label")!.textContent));
  const questionOrder = () => r.locator("form legend, form h2, form h3").allTextContents();
  const before = { options: await optionOrder(), questions: await questionOrder() };
  await expect(r.getByText("Your answers are saved.", { exact: false })).toBeVisible();
  await r.reload();
  await expect(owns.getByRole("radio", { name: "Yes" })).toBeChecked();
  await expect(followUp).toBeVisible();
  expect(await optionOrder()).toEqual(before.options);
  expect(await questionOrder()).toEqual(before.questions);

  // Submitting without the required follow-up is refused; once it is hidden again, it is not required.
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(followUp.getByText("Please answer this question.")).toBeVisible();
  await owns.getByRole("radio", { name: "No", exact: true }).check();
  await expect(followUp).toHaveCount(0);
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(r.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await respondent.close();
});

test("a page shown only for an earlier answer is skipped, shuffled pages keep their order, and a reload resumes on the page left", async ({ browser }) => {
  test.setTimeout(150_000);
  const user = await newSignedInUser(browser, "pages");
  const ws = await createWorkspaceViaApi(user);
  const study = await (await workspaceApi(user, ws.slug).post("/api/v1/studies", { name: "Car pages" })).json();
  const page = user.page;
  await page.goto(`/w/${ws.slug}/studies/${study.id}/survey/new`);
  await page.getByLabel("Survey title (English)").fill("Cars, page by page");

  await page.getByRole("button", { name: "Add single-choice question" }).click();
  const q1 = page.getByRole("group", { name: "Question 1: Single choice" });
  await q1.getByLabel("Question text", { exact: true }).fill("Do you own a car?");
  await q1.getByLabel("Option 1 label").fill("Yes");
  await q1.getByLabel("Option 2 label").fill("No");
  const openText = async (n: number, text: string) => {
    await page.getByLabel("Question type", { exact: true }).selectOption({ label: "Open text" });
    await page.getByRole("button", { name: "Add question of another type" }).click();
    const group = page.getByRole("group", { name: `Question ${n}: Open text` });
    await group.getByLabel("Question text", { exact: true }).fill(text);
    await group.getByRole("checkbox", { name: "Answer required" }).check();
    await group.getByRole("checkbox", { name: "Start a new page here" }).check();
    return group;
  };
  // Page 2 (only for car owners) and page 3 are shuffled with each other; page 4 stays last.
  const q2 = await openText(2, "Which brand do you drive?");
  const page2 = q2.getByRole("group", { name: "Page 2", exact: true });
  await page2.getByRole("checkbox", { name: "Shuffle page 2 with the neighbouring shuffled pages" }).check();
  await page2.getByLabel("Earlier question deciding whether page 2 is shown").selectOption({ label: "Q1: Do you own a car?" });
  await page2.getByRole("checkbox", { name: "Yes (1)" }).check();
  const q3 = await openText(3, "What matters most when you travel?");
  await q3.getByRole("group", { name: "Page 3", exact: true }).getByRole("checkbox", { name: "Shuffle page 3 with the neighbouring shuffled pages" }).check();
  await page.getByLabel("Question type", { exact: true }).selectOption({ label: "NPS" });
  await page.getByRole("button", { name: "Add question of another type" }).click();
  await page.getByRole("group", { name: "Question 4: NPS" }).getByRole("checkbox", { name: "Start a new page here" }).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  const link = await page.getByRole("link", { name: /\/s\// }).first().getAttribute("href");

  const respondent = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await respondent.newPage();
  await r.goto(new URL(link!).pathname);
  const owns = r.getByRole("group", { name: "Do you own a car?" });
  await expect(r.getByRole("status")).toHaveText("");
  const brand = r.getByRole("textbox", { name: "Which brand do you drive?" });
  const travel = r.getByRole("textbox", { name: "What matters most when you travel?" });
  const next = r.getByRole("button", { name: "Next" });
  // The brand page is for car owners only: without a car it is skipped and not counted.
  await expect(r.getByText("Page 1 of 3")).toBeVisible();
  await owns.getByRole("radio", { name: "No", exact: true }).check();
  await next.click();
  await expect(r.getByText("Page 2 of 3")).toBeVisible();
  await expect(travel).toBeVisible();
  await r.getByRole("button", { name: "Back" }).click();
  await owns.getByRole("radio", { name: "Yes" }).check();
  await expect(r.getByText("Page 1 of 4")).toBeVisible();
  await next.click();
  await expect(r.getByText("Page 2 of 4")).toBeVisible();
  await expect(brand.or(travel)).toBeVisible();
  const [first, second] = (await brand.isVisible()) ? [brand, travel] : [travel, brand];
  // Each change is saved a moment later by a server action; wait for that save before moving on.
  const savedWith = (text: string) => r.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().postData()?.includes(text)));
  const firstSaved = savedWith("Answer on the first shuffled page");
  await first.fill("Answer on the first shuffled page");
  await firstSaved;
  await next.click();
  await expect(r.getByText("Page 3 of 4")).toBeVisible();
  await expect(second).toBeVisible();

  // Reloading resumes on the page left (the first with a required answer missing), in the same page order.
  await r.reload();
  await expect(r.getByText("Page 3 of 4")).toBeVisible();
  await expect(second).toBeVisible();
  await expect(second).toHaveValue("");
  await r.getByRole("button", { name: "Back" }).click();
  await expect(r.getByText("Page 2 of 4")).toBeVisible();
  await expect(first).toHaveValue("Answer on the first shuffled page");
  await next.click();
  await second.fill("Answer on the second shuffled page");
  await next.click();
  await expect(r.getByText("Page 4 of 4")).toBeVisible();
  await r.getByRole("radio", { name: "9", exact: true }).check();
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(r.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await respondent.close();
});
