import { expect, test } from "@playwright/test";
import { createWorkspaceViaApi, inviteMember, newSignedInUser, workspaceApi } from "./support/session";

/**
 * Issue 11: access ends when membership ends. An owner removes an admin on the members page, sees
 * what the removal revoked, and the admin's API key and the invitation link they made stop working.
 */

test("removing a member revokes their API key and invitation link, and the page says so", async ({ browser }) => {
  const owner = await newSignedInUser(browser, "owner");
  const leaver = await newSignedInUser(browser, "leaver");
  const newcomer = await newSignedInUser(browser, "newcomer");
  const { slug } = await createWorkspaceViaApi(owner);
  await inviteMember(owner, slug, leaver, "admin");

  // The admin makes a key and an invitation link of their own while still a member.
  const asLeaver = workspaceApi(leaver, slug);
  const created = await asLeaver.post("/api/v1/api-keys", { name: "Leaver key", role: "admin" });
  expect(created.status(), await created.text()).toBe(201);
  const { key } = (await created.json()) as { key: string };
  const invitation = await asLeaver.post("/api/v1/invitations", { role: "admin" });
  expect(invitation.status(), await invitation.text()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  const withKey = { headers: { authorization: `Bearer ${key}` } };
  expect((await newcomer.context.request.get("/api/v1/members", withKey)).status()).toBe(200);

  const page = owner.page;
  await page.goto(`/w/${slug}/settings/members`);
  const membersTable = page.getByRole("table", { name: "Members" });
  await membersTable.getByRole("row").filter({ hasText: leaver.email }).getByRole("button", { name: "Remove" }).click();
  const notice = page.getByRole("status");
  await expect(notice).toContainText(`${leaver.name} was removed from the workspace.`);
  await expect(notice).toContainText("Revoked with it: API keys 1, invitations 1.");
  await expect(membersTable.getByRole("row").filter({ hasText: leaver.email })).toHaveCount(0);
  const history = page.getByRole("region", { name: "Recently revoked or used" });
  await expect(history.getByRole("row").filter({ hasText: "Leaver key" })).toContainText("Revoked: its creator was removed");
  const invitationsHistory = history.getByRole("table", { name: "Invitations" });
  await expect(invitationsHistory.getByRole("row").filter({ hasText: "Revoked: its creator was removed" })).toContainText("Admin");
  // The link that let the leaver in stays on record as accepted, not revoked.
  await expect(invitationsHistory.getByRole("row").filter({ hasText: leaver.email })).toContainText(`Accepted by ${leaver.name}`);

  // The key is refused, and so is the link: on its page and through the API.
  const refused = await newcomer.context.request.get("/api/v1/members", withKey);
  expect(refused.status()).toBe(401);
  await newcomer.page.goto(`/invite/${token}`);
  await expect(newcomer.page.getByRole("alert").filter({ hasText: "This invitation link is invalid, revoked or expired." })).toBeVisible();
  await expect(newcomer.page.getByRole("button", { name: "Join workspace" })).toHaveCount(0);
  expect((await newcomer.context.request.post(`/api/invitations/${token}/accept`)).status()).toBe(404);
  expect((await leaver.context.request.post(`/api/invitations/${token}/accept`)).status()).toBe(404);
  expect((await workspaceApi(leaver, slug).get("/api/v1/members")).status()).toBe(404);
  await Promise.all([owner, leaver, newcomer].map((user) => user.context.close()));
});

test("an invitation made for one e-mail works once, and only for that address", async ({ browser }) => {
  const owner = await newSignedInUser(browser, "inviter");
  const stranger = await newSignedInUser(browser, "stranger");
  const invited = await newSignedInUser(browser, "invited");
  const { slug } = await createWorkspaceViaApi(owner);

  const page = owner.page;
  await page.goto(`/w/${slug}/settings/members`);
  await page.getByLabel("Role for the invited").selectOption("researcher");
  await page.getByLabel("Only for this e-mail (optional)").fill(invited.email.toUpperCase());
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = page.getByLabel(`Send this link to ${invited.email}. It works once, for 14 days, and only for someone signed in with that address:`);
  await expect(link).toHaveValue(/\/invite\//);
  const url = new URL(await link.inputValue());

  await stranger.page.goto(url.pathname);
  await expect(stranger.page.getByRole("alert").filter({ hasText: "This invitation is for a different e-mail address." })).toBeVisible();
  expect((await stranger.context.request.post(`/api/invitations${url.pathname.slice("/invite".length)}/accept`)).status()).toBe(403);

  await invited.page.goto(url.pathname);
  await invited.page.getByRole("button", { name: "Join workspace" }).click();
  await expect(invited.page).toHaveURL(new RegExp(`/w/${slug}$`));
  await invited.page.goto(url.pathname);
  await expect(invited.page.getByRole("alert").filter({ hasText: "This invitation link has already been used. Ask the person who sent it for a new one." })).toBeVisible();

  await page.reload();
  const history = page.getByRole("region", { name: "Recently revoked or used" });
  await expect(history.getByRole("row").filter({ hasText: invited.email })).toContainText(`Accepted by ${invited.name}`);
  await Promise.all([owner, stranger, invited].map((user) => user.context.close()));
});

test("cross-site writes, query-named workspaces for writes and off-site callback URLs are refused", async ({ browser }) => {
  const user = await newSignedInUser(browser, "guarded");
  const { slug } = await createWorkspaceViaApi(user);
  const request = user.context.request;
  const study = { data: { name: "From elsewhere" } };
  expect((await request.post("/api/v1/studies", { ...study, headers: { "x-workspace": slug, origin: "https://evil.example" } })).status()).toBe(403);
  expect((await request.post("/api/v1/studies", { ...study, headers: { "x-workspace": slug, "sec-fetch-site": "cross-site" } })).status()).toBe(403);
  expect((await request.post(`/api/v1/studies?workspace=${slug}`, study)).status()).toBe(400);
  expect((await request.post("/api/v1/studies", { headers: { "x-workspace": slug, "content-type": "text/plain" }, data: JSON.stringify(study.data) })).status()).toBe(415);
  expect((await request.get(`/api/v1/studies?workspace=${slug}`)).status()).toBe(200);
  expect((await (await request.get(`/api/v1/studies?workspace=${slug}`)).json()).studies).toEqual([]);

  // Signed in, the login page follows its callbackUrl at once: only paths on this app are followed.
  for (const callbackUrl of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "/%2F%2Fevil.example"]) {
    await user.page.goto(`/login?callbackUrl=${callbackUrl}`);
    await expect(user.page, callbackUrl).toHaveURL(/\/workspaces$/);
  }
  await user.page.goto(`/login?callbackUrl=${encodeURIComponent(`/w/${slug}`)}`);
  await expect(user.page).toHaveURL(new RegExp(`/w/${slug}$`));
  await user.context.close();
});
