import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, signInViaApi, uniqueEmail } from "./support/session";

/**
 * The walking skeleton as five people walk it: a researcher designs and publishes a survey,
 * respondents answer on the public link (one on a phone), the researcher runs and saves k-means,
 * a facilitator names a segment and writes its persona, and a viewer reads it read-only.
 */

const STATEMENTS = ["I travel to rest", "I want adventure", "Culture matters to me", "I look for bargains"];
// Two clear groups of respondents: restful bargain hunters and adventurous culture seekers.
const RESTFUL = ["Strongly agree", "Strongly disagree", "Disagree", "Strongly agree"];
const ADVENTUROUS = ["Disagree", "Strongly agree", "Strongly agree", "Strongly disagree"];

async function answerSurvey(page: Page, scalePoints: string[], frequency: string) {
  for (const [index, statement] of STATEMENTS.entries()) {
    await page.getByRole("group", { name: statement }).getByRole("radio", { name: scalePoints[index], exact: true }).check();
  }
  await page.getByRole("group", { name: /How often do you travel/ }).getByRole("radio", { name: frequency }).check();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
}

async function joinByInvitation(page: Page, inviteUrl: string, label: string) {
  const email = uniqueEmail(label);
  const created = await page.request.post("/api/auth/signup", { data: { name: `${label} person`, email, password: PASSWORD } });
  expect(created.status()).toBe(201);
  await signInViaApi(page.request, email);
  await page.goto(inviteUrl);
  await page.getByRole("button", { name: "Join workspace" }).click();
  await expect(page.getByRole("heading", { name: "Studies" })).toBeVisible();
}

async function createInviteLink(page: Page, role: string): Promise<string> {
  await page.getByRole("link", { name: "Members", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  const link = page.getByLabel(/Share this link/);
  const previous = (await link.count()) ? await link.inputValue() : "";
  await page.getByLabel("Role for the invited").selectOption(role);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(link).toHaveValue(/\/invite\//);
  await expect(link).not.toHaveValue(previous);
  return new URL(await link.inputValue()).pathname;
}

test("survey → segments → persona, walked by researcher, respondents, facilitator and viewer", async ({ browser, page }) => {
  test.setTimeout(180_000);

  // 1. The researcher signs up, creates a workspace, a study and a survey, and publishes it.
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Rita Researcher");
  await page.getByLabel("E-mail").fill(uniqueEmail("rita"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Workspace name").fill("Nordic Travel");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await page.getByLabel("Study name").fill("Holiday needs 2026");
  await page.getByRole("button", { name: "Create study" }).click();
  await expect(page.getByRole("heading", { name: "Create your first survey" })).toBeVisible();
  const studyUrl = page.url().replace(/\/survey$/, "");

  await page.getByRole("link", { name: "New survey" }).click();
  await page.getByLabel("Survey title (English)").fill("Why do you travel?");
  await page.getByRole("button", { name: "Add Likert battery" }).click();
  const battery = page.getByRole("group", { name: "Question 1: Likert battery" });
  await battery.getByLabel("Question text", { exact: true }).fill("How much do you agree?");
  for (const [index, statement] of STATEMENTS.entries()) {
    if (index > 0) await battery.getByRole("button", { name: "Add statement" }).click();
    await battery.getByLabel(`Statement ${index + 1}`, { exact: true }).fill(statement);
  }
  await page.getByRole("button", { name: "Add single-choice question" }).click();
  const choice = page.getByRole("group", { name: "Question 2: Single choice" });
  await choice.getByLabel("Question text", { exact: true }).fill("How often do you travel?");
  await choice.getByLabel("Option 1 label").fill("Once a year");
  await choice.getByLabel("Option 2 label").fill("Several times a year");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  const surveyPath = new URL((await page.getByRole("link", { name: /\/s\// }).first().getAttribute("href"))!).pathname;

  // 2. Respondents answer without logging in; the first on a phone, who first forgets the answers.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  await phonePage.goto(surveyPath);
  await phonePage.getByRole("button", { name: "Submit" }).click();
  await expect(phonePage.getByText("Some answers are missing")).toBeVisible();
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await answerSurvey(phonePage, RESTFUL, "Once a year");
  await phone.close();
  const respondents = await browser.newContext();
  for (let i = 0; i < 7; i++) {
    const respondent = await respondents.newPage();
    await respondent.goto(surveyPath);
    await answerSurvey(respondent, i % 2 === 0 ? ADVENTUROUS : RESTFUL, i % 2 === 0 ? "Several times a year" : "Once a year");
    await respondent.close();
  }
  await respondents.close();

  // 3. The researcher runs k-means for two segments and saves the solution.
  await page.goto(`${studyUrl}/survey`);
  await page.getByRole("link", { name: "Why do you travel?" }).first().click();
  await expect(page.getByText("Complete responses: 8")).toBeVisible();
  await page.getByRole("link", { name: "Segments", exact: true }).click();
  await page.getByLabel("Number of segments").fill("2");
  await page.getByRole("button", { name: "Run k-means" }).click();
  await expect(page.getByRole("table", { name: "Segment profiles" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Segment sizes" })).toContainText("50");
  await page.getByRole("button", { name: "Save solution" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /2 segments/ })).toBeVisible();

  // 4. A facilitator joins by invitation, names a segment and writes its persona.
  const facilitatorInvite = await createInviteLink(page, "facilitator");
  const viewerInvite = await createInviteLink(page, "viewer");
  const facilitatorContext = await browser.newContext();
  const facilitator = await facilitatorContext.newPage();
  await joinByInvitation(facilitator, facilitatorInvite, "fiona");
  await facilitator.goto(`${studyUrl}/personas`);
  await facilitator.getByRole("link", { name: "Write persona" }).first().click();
  await facilitator.getByLabel("Segment name").fill("Restful bargain hunters");
  await facilitator.getByLabel("Persona name").fill("Budget Bea");
  await facilitator.getByLabel("Summary").fill("Travels once a year to rest, and wants it to be a good deal.");
  await facilitator.getByRole("button", { name: "Add goal" }).click();
  await facilitator.getByLabel("Goal 1", { exact: true }).fill("Come home rested");
  await facilitator.getByRole("button", { name: "Add pain" }).click();
  await facilitator.getByLabel("Pain 1", { exact: true }).fill("Hidden costs");
  await facilitator.getByRole("button", { name: "Add action" }).click();
  await facilitator.getByLabel("Function 1", { exact: true }).selectOption("marketing");
  await facilitator.getByLabel("Action 1", { exact: true }).fill("All-inclusive price in every ad");
  await facilitator.getByLabel("Owner 1", { exact: true }).fill("Marketing lead");
  await facilitator.getByLabel("KPI 1", { exact: true }).fill("Booking conversion");
  await facilitator.getByRole("radio", { name: "Published" }).check();
  await facilitator.getByRole("button", { name: "Save persona" }).click();
  await expect(facilitator.getByRole("heading", { level: 1, name: "Budget Bea" })).toBeVisible();
  await facilitatorContext.close();

  // 5. A viewer reads the persona on the Share tab, with no way to change it.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await joinByInvitation(viewer, viewerInvite, "vera");
  await viewer.goto(`${studyUrl}/share`);
  await expect(viewer.getByRole("navigation", { name: "Study sections" }).getByRole("link", { name: "Survey" })).toHaveCount(0);
  await viewer.getByRole("link", { name: /Budget Bea/ }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Budget Bea" })).toBeVisible();
  await expect(viewer.getByText("Come home rested")).toBeVisible();
  await expect(viewer.getByText("All-inclusive price in every ad")).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Edit persona" })).toHaveCount(0);
  const editUrl = `${viewer.url()}/edit`;
  expect((await viewer.goto(editUrl))?.status()).toBe(404);
  await viewerContext.close();
});
