import { expect, test } from "@playwright/test";

// MaxDiff end to end: designed with a design preview, answered on a phone by keyboard and touch, scored on the overview.
import { createWorkspaceViaApi, newSignedInUser, workspaceApi } from "./support/session";

const PREFERENCE = ["Price", "Speed", "Quality", "Service", "Brand", "Safety"];

test("MaxDiff: design with preview, answer every set on a phone, see best–worst scores", async ({ browser }) => {
  test.setTimeout(150_000);
  const user = await newSignedInUser(browser, "maxdiff");
  const ws = await createWorkspaceViaApi(user);
  const api = workspaceApi(user, ws.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Motive study" })).json();
  const page = user.page;
  await page.goto(`/w/${ws.slug}/studies/${study.id}/survey/new`);
  await page.getByLabel("Survey title (English)").fill("What matters to you");
  await page.getByLabel("Question type", { exact: true }).selectOption({ label: "MaxDiff (best–worst)" });
  await page.getByRole("button", { name: "Add question of another type" }).click();
  const q = page.getByRole("group", { name: "Question 1: MaxDiff (best–worst)" });
  await q.getByLabel("Question text", { exact: true }).fill("Which matters most and least when you choose?");
  for (const [index, label] of PREFERENCE.entries()) {
    if (index >= 5) await q.getByRole("button", { name: "Add item" }).click();
    await q.getByLabel(`Item ${index + 1}`, { exact: true }).fill(label);
  }
  // Defaults are shown; an impossible size is refused next to its field.
  await expect(q.getByText("Default 3 (3–5 is usual)")).toBeVisible();
  await q.getByLabel("Items per set").fill("6");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(q.getByText(/Items per set must be a whole number from 2 to 5/)).toBeVisible();
  await q.getByLabel("Items per set").fill("3");
  await q.getByLabel("Sets per respondent").fill("6");
  await q.getByLabel("Design versions").fill("4");

  await q.getByRole("button", { name: "Preview the design" }).click();
  await expect(q.getByText("Each respondent sees every item 3–3 times")).toBeVisible();
  const preview = q.getByRole("table");
  await expect(preview.getByRole("row", { name: /Safety/ })).toContainText("12");
  await expect(q.getByText(/Pairs shown together/)).toBeVisible();

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  const link = await page.getByRole("link", { name: /\/s\// }).first().getAttribute("href");
  // Custom front ends read the same design through the public API.
  const survey = await (await api.get(`/api/v1/surveys/${page.url().split("/").pop()}`)).json();
  const designs = await (await user.context.request.get(`/api/v1/public/surveys/${survey.publicId}/maxdiff?key=custom-front-end-1`)).json();
  expect(designs.questions[0].sets).toHaveLength(4);
  expect(designs.questions[0].sets[designs.questions[0].version]).toHaveLength(6);

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await phone.newPage();
  await r.goto(new URL(link!).pathname);
  const question = r.getByRole("group", { name: /Which matters most and least/ });
  await expect(question.getByRole("group", { name: "Set 1 of 6" })).toBeVisible();

  for (let s = 1; s <= 6; s++) {
    const set = question.getByRole("group", { name: `Set ${s} of 6` });
    const best = set.getByRole("group", { name: "Most important" });
    const worst = set.getByRole("group", { name: "Least important" });
    const shown = (await best.getByRole("radio").evaluateAll((inputs) => inputs.map((input) => input.closest("label")!.textContent!.trim()))).sort(
      (a, b) => PREFERENCE.indexOf(a) - PREFERENCE.indexOf(b),
    );
    expect(shown).toHaveLength(3);
    if (s === 1) {
      // By keyboard: focus the group and move with the arrow keys, as screen-reader users do.
      const radios = best.getByRole("radio");
      await radios.first().focus();
      await r.keyboard.press("Space");
      await expect(radios.first()).toBeChecked();
      await r.keyboard.press("ArrowDown");
      await expect(radios.nth(1)).toBeChecked();
      await best.getByRole("radio", { name: shown[0], exact: true }).check();
      // Picking the best item as worst too takes it out of best: the two can never match.
      await worst.getByRole("radio", { name: shown[0], exact: true }).check();
      await expect(best.getByRole("radio", { name: shown[0], exact: true })).not.toBeChecked();
    }
    await best.getByRole("radio", { name: shown[0], exact: true }).check();
    if (s < 6) await worst.getByRole("radio", { name: shown[2], exact: true }).check();
  }
  // The last set lacks its worst item: refused in the respondent's language, on the set.
  await r.getByRole("button", { name: "Submit" }).click();
  const last = question.getByRole("group", { name: "Set 6 of 6" });
  await expect(last.getByText("Choose one item as the most and one as the least important.")).toBeVisible();
  const lastShown = (await last.getByRole("group", { name: "Least important" }).getByRole("radio").evaluateAll((inputs) => inputs.map((input) => input.closest("label")!.textContent!.trim()))).sort(
    (a, b) => PREFERENCE.indexOf(a) - PREFERENCE.indexOf(b),
  );
  await last.getByRole("group", { name: "Least important" }).getByRole("radio", { name: lastShown[2], exact: true }).check();
  expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(r.getByRole("heading", { name: "Thank you!" })).toBeVisible();

  await page.reload();
  await expect(page.getByText("Complete responses: 1")).toBeVisible();
  const results = page.getByRole("region", { name: "Which matters most and least when you choose?" });
  await expect(results.getByText("Respondents: 1", { exact: false })).toBeVisible();
  await expect(results.getByRole("columnheader", { name: "Preference share (0–100)" })).toBeVisible();
  const rows = results.getByRole("row");
  // Most preferred first: Price is best in all 3 sets that show it, Safety worst in all 3.
  await expect(rows.nth(1)).toContainText("Price");
  await expect(rows.filter({ hasText: "Price" })).toContainText(/^Price\s*3\s*0\s*3/);
  await expect(rows.filter({ hasText: "Safety" })).toContainText(/^Safety\s*0\s*3\s*-3/);
  await expect(rows.last()).toContainText("Safety");
  await phone.close();
});

test("a half-answered MaxDiff is saved as the respondent goes and a reload resumes on its page with those sets", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = await newSignedInUser(browser, "maxdiffresume");
  const ws = await createWorkspaceViaApi(user);
  const api = workspaceApi(user, ws.slug);
  const study = await (await api.post("/api/v1/studies", { name: "Resume study" })).json();
  const definition = {
    languages: ["en"],
    defaultLanguage: "en",
    title: { en: "Choices, saved as you go" },
    questions: [
      { id: "often", type: "single_choice", text: { en: "How often do you shop?" }, options: [{ id: "weekly", code: 1, label: { en: "Weekly" } }, { id: "monthly", code: 2, label: { en: "Monthly" } }] },
      {
        id: "motives",
        type: "maxdiff",
        pageBreakBefore: true,
        text: { en: "Which matters most and least?" },
        items: PREFERENCE.map((label, i) => ({ id: `i${i + 1}`, code: i + 1, label: { en: label } })),
        itemsPerSet: 3,
        sets: 4,
        versions: 2,
        seed: 3,
      },
    ],
  };
  const created = await api.post(`/api/v1/studies/${study.id}/surveys`, definition);
  expect(created.status(), await created.text()).toBe(201);
  const survey = await created.json();
  expect((await api.post(`/api/v1/surveys/${survey.id}/publish`)).status()).toBe(200);

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const r = await phone.newPage();
  await r.goto(`/s/${survey.publicId}`);
  await expect(r.getByRole("status")).toHaveText("");
  await r.getByRole("radio", { name: "Weekly" }).check();
  await r.getByRole("button", { name: "Next" }).click();
  await expect(r.getByText("Page 2 of 2")).toBeVisible();
  const question = r.getByRole("group", { name: "Which matters most and least?" });
  const set = (n: number) => question.getByRole("group", { name: `Set ${n} of 4` });
  const itemsOf = (n: number) => set(n).getByRole("group", { name: "Most important" }).getByRole("radio").evaluateAll((inputs) => inputs.map((input) => input.closest("label")!.textContent!.trim()));
  const pick = async (n: number, role: "Most important" | "Least important", label: string) => set(n).getByRole("group", { name: role }).getByRole("radio", { name: label, exact: true }).check();
  const picked = (n: number, role: "Most important" | "Least important", label: string) => set(n).getByRole("group", { name: role }).getByRole("radio", { name: label, exact: true });

  // Two sets answered and a third half answered; each change is autosaved by a server action.
  const shown = [await itemsOf(1), await itemsOf(2), await itemsOf(3)];
  await pick(1, "Most important", shown[0]![0]!);
  await pick(1, "Least important", shown[0]![2]!);
  await pick(2, "Most important", shown[1]![1]!);
  await pick(2, "Least important", shown[1]![0]!);
  const idOf = (label: string) => `i${PREFERENCE.indexOf(label) + 1}`;
  const saved = r.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().postData()?.includes(`"setIndex":2,"best":"${idOf(shown[2]![2]!)}"`)));
  await pick(3, "Most important", shown[2]![2]!);
  await saved;
  await expect(r.getByText("Your answers are saved.", { exact: false })).toBeVisible();

  await r.reload();
  // Back on the MaxDiff page, with the same sets and the picks made so far.
  await expect(r.getByText("Page 2 of 2")).toBeVisible();
  expect([await itemsOf(1), await itemsOf(2), await itemsOf(3)]).toEqual(shown);
  await expect(picked(1, "Most important", shown[0]![0]!)).toBeChecked();
  await expect(picked(1, "Least important", shown[0]![2]!)).toBeChecked();
  await expect(picked(2, "Least important", shown[1]![0]!)).toBeChecked();
  await expect(picked(3, "Most important", shown[2]![2]!)).toBeChecked();
  await expect(set(4).getByRole("radio", { checked: true })).toHaveCount(0);

  // The final submit still needs every set.
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(set(3).getByText("Choose one item as the most and one as the least important.")).toBeVisible();
  await pick(3, "Least important", shown[2]![0]!);
  const last = await itemsOf(4);
  await pick(4, "Most important", last[0]!);
  await pick(4, "Least important", last[1]!);
  await r.getByRole("button", { name: "Submit" }).click();
  await expect(r.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  const stored = await (await api.get(`/api/v1/surveys/${survey.id}/responses`)).json();
  expect(stored.responses[0].answers.motives.choices).toHaveLength(4);
  expect(stored.responses[0].answers.often).toBe(1);
  await phone.close();
});
