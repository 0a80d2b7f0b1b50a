import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { resetPathFrom, waitForMail } from "./support/mail-drop";
import { createWorkspaceViaApi, newSignedInUser, PASSWORD, signInViaApi } from "./support/session";

/**
 * Access that really ends: signing out, a password change, "sign out everywhere" and a password reset
 * each end sessions on the server, so a copied cookie stops working at once, for pages and the API.
 */

const NEW_PASSWORD = "brand-new-horse-77";

async function sessionEmail(request: APIRequestContext): Promise<string | undefined> {
  const response = await request.get("/api/auth/session");
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { user?: { email?: string } }).user?.email;
}

/** A second browser holding a copy of the first one's cookies, as a stolen or forgotten cookie would be. */
async function copyOf(context: BrowserContext): Promise<BrowserContext> {
  const copy = await context.browser()!.newContext();
  await copy.addCookies(await context.cookies());
  return copy;
}

test("signing out ends the session: a copy of the old cookie opens neither pages nor the API", async ({ browser }) => {
  const user = await newSignedInUser(browser, "signout");
  const workspace = await createWorkspaceViaApi(user);
  const copy = await copyOf(user.context);
  const api = (request: APIRequestContext) => request.get("/api/v1/studies", { headers: { "x-workspace": workspace.slug } });

  // Before: the copy is as good as the original.
  expect((await api(copy.request)).status()).toBe(200);
  expect((await copy.request.get(`/w/${workspace.slug}`, { maxRedirects: 0 })).status()).toBe(200);
  expect(await sessionEmail(copy.request)).toBe(user.email);

  await user.page.goto(`/w/${workspace.slug}`);
  await user.page.getByRole("button", { name: "Sign out" }).click();
  await expect(user.page).toHaveURL(/\/login/);

  const page = await copy.request.get(`/w/${workspace.slug}`, { maxRedirects: 0 });
  expect([page.status(), page.headers().location]).toEqual([307, "/login"]);
  expect((await api(copy.request)).status()).toBe(401);
  expect(await sessionEmail(copy.request)).toBeUndefined();
  await copy.close();
  await user.context.close();
});

test("a password reset by e-mail: the link from the mail drop sets a new password once and ends every old session", async ({ browser, page }) => {
  const user = await newSignedInUser(browser, "reset");
  expect(await sessionEmail(user.context.request)).toBe(user.email);

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for this e-mail");

  // An unknown address gets the very same answer.
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail").fill(`nobody-${user.email}`);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for this e-mail");

  const mail = await waitForMail(user.email);
  expect(mail.text).toContain("Subject: Reset your Needscape password");
  const resetPath = resetPathFrom(mail.text);
  await page.goto(resetPath);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("x".repeat(73));
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText("Use at most 72 bytes (letters like ä count twice)")).toBeVisible();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=done/);
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  // The session from before the reset is gone; nobody was signed in by the reset.
  expect(await sessionEmail(user.context.request)).toBeUndefined();
  expect(await sessionEmail(page.request)).toBeUndefined();

  // The old password fails, the new one works.
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The e-mail or password is not right.")).toBeVisible();
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();

  // The link worked once.
  await page.goto(resetPath);
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
  await user.context.close();
});

test("the account page changes the password, signs out one other session, and signs out everywhere", async ({ browser }) => {
  const user = await newSignedInUser(browser, "account");
  const laptop = await browser.newContext();
  await signInViaApi(laptop.request, user.email);
  const page = user.page;

  await page.goto("/workspaces");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page).toHaveTitle("Your account · Needscape");
  await expect(page.getByText("This browser")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign out the session started/ })).toHaveCount(1);

  // Wrong current password: a field error, nothing changes.
  await page.getByLabel("Current password").fill("not-my-password-1");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not right", { exact: true })).toBeVisible();
  expect(await sessionEmail(laptop.request)).toBe(user.email);

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Password changed. Other sessions signed out: 1.");
  expect(await sessionEmail(laptop.request)).toBeUndefined();
  expect(await sessionEmail(page.request)).toBe(user.email);
  await expect(page.getByRole("button", { name: /^Sign out the session started/ })).toHaveCount(0);

  // Another device signs in with the new password; this page signs it out by itself.
  await signInViaApi(laptop.request, user.email, NEW_PASSWORD);
  await page.reload();
  await page.getByRole("button", { name: /^Sign out the session started/ }).click();
  await expect(page.getByRole("button", { name: /^Sign out the session started/ })).toHaveCount(0);
  expect(await sessionEmail(laptop.request)).toBeUndefined();

  // Sign out everywhere: this browser too, and a copy of its cookie is worthless.
  await signInViaApi(laptop.request, user.email, NEW_PASSWORD);
  const copy = await copyOf(user.context);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Needscape" })).toBeVisible();
  for (const request of [laptop.request, copy.request, page.request]) expect(await sessionEmail(request)).toBeUndefined();
  expect((await copy.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);
  await Promise.all([copy.close(), laptop.close(), user.context.close()]);
});

const PHONE_TEXTS = {
  fi: { account: "Tilisi", forgot: "Salasanan vaihtaminen", send: "Lähetä linkki", greeting: "Hei Phone Tester,", reset: "Aseta uusi salasana", invalid: "Linkki on vanhentunut tai jo käytetty." },
  sv: { account: "Ditt konto", forgot: "Återställ ditt lösenord", send: "Skicka länken", greeting: "Hej Phone Tester,", reset: "Välj ett nytt lösenord", invalid: "Länken har gått ut eller har redan använts." },
};

for (const [locale, texts] of Object.entries(PHONE_TEXTS)) {
  test(`the account, forgot-password and reset pages speak ${locale} and fit a 375 px phone`, async ({ browser }, testInfo) => {
    const user = await newSignedInUser(browser, "phone");
    const baseURL = testInfo.project.use.baseURL!;
    const phoneOptions = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
    const phone = await browser.newContext(phoneOptions);
    await phone.addCookies([...(await user.context.cookies()), { name: "needscape_locale", value: locale, url: baseURL }]);
    const page = await phone.newPage();
    const fitsWidth = async (on: typeof page) => expect(await on.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.goto("/account");
    await expect(page.getByRole("heading", { name: texts.account, level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(`${texts.account} · Needscape`);
    await fitsWidth(page);
    await page.screenshot({ path: testInfo.outputPath(`account-${locale}.png`), fullPage: true });

    const anonymous = await browser.newContext(phoneOptions);
    await anonymous.addCookies([{ name: "needscape_locale", value: locale, url: baseURL }]);
    const open = await anonymous.newPage();
    await open.goto("/forgot-password");
    await expect(open.getByRole("heading", { name: texts.forgot })).toBeVisible();
    await fitsWidth(open);
    await open.screenshot({ path: testInfo.outputPath(`forgot-${locale}.png`), fullPage: true });
    await open.getByRole("textbox").fill(user.email);
    await open.getByRole("button").filter({ hasText: texts.send }).click();
    await expect(open.getByRole("status")).toBeVisible();
    // The mail is in the language of the page it was asked from.
    const mail = await waitForMail(user.email);
    expect(mail.text).toContain(texts.greeting);
    await open.goto(resetPathFrom(mail.text));
    await expect(open.getByRole("heading", { name: texts.reset })).toBeVisible();
    await fitsWidth(open);
    await open.screenshot({ path: testInfo.outputPath(`reset-${locale}.png`), fullPage: true });
    await open.goto("/reset-password?token=no-such-token-no-such-token");
    await expect(open.getByText(texts.invalid)).toBeVisible();
    await Promise.all([phone.close(), anonymous.close(), user.context.close()]);
  });
}
