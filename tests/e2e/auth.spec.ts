import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./support/session";

test("a new user signs up, creates a workspace, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("link", { name: "Create account" }).click();

  // Bad input first: the server's schema messages appear next to the fields.
  await page.getByLabel("Name").fill("Aino Researcher");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();

  await page.getByLabel("Workspace name").fill("Nordic Travel");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Start your first study" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The e-mail or password is not right.")).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Nordic Travel" })).toBeVisible();
});

test("signing up twice with one e-mail is refused with a clear message", async ({ page, request }) => {
  const email = uniqueEmail("taken");
  expect((await request.post("/api/auth/signup", { data: { name: "First", email, password: PASSWORD } })).status()).toBe(201);
  const again = await request.post("/api/auth/signup", { data: { name: "Second", email, password: PASSWORD } });
  expect(again.status()).toBe(409);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this e-mail already exists", { exact: true })).toBeVisible();
});

test("the UI speaks Finnish and Swedish", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Language").selectOption("fi");
  await expect(page.getByRole("heading", { name: "Kirjaudu Needscapeen" })).toBeVisible();
  await page.getByLabel("Kieli").selectOption("sv");
  await expect(page.getByRole("heading", { name: "Logga in i Needscape" })).toBeVisible();
});
