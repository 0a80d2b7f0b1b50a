import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const PASSWORD = "correct-horse-42";

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.test`;
}

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the request's browser context. */
export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  expect(response.ok(), "credentials sign-in").toBeTruthy();
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email, "signed in").toBe(email);
}

export type TestUser = { name: string; email: string; context: BrowserContext; page: Page };

/** A new account in its own browser context, signed in through the API (only the auth spec uses the forms). */
export async function newSignedInUser(browser: Browser, label: string, options: { mobile?: boolean } = {}): Promise<TestUser> {
  const context = await browser.newContext(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  const email = uniqueEmail(label);
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} Tester`;
  const created = await context.request.post("/api/auth/signup", { data: { name, email, password: PASSWORD } });
  expect(created.status(), await created.text()).toBe(201);
  await signInViaApi(context.request, email);
  return { name, email, context, page };
}

/** A workspace owned by the user; returns its slug. */
export async function createWorkspaceViaApi(user: TestUser, name = `Workspace ${randomBytes(3).toString("hex")}`): Promise<{ id: string; slug: string }> {
  const response = await user.context.request.post("/api/workspaces", { data: { name } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** JSON request to /api/v1 as the signed-in user in the given workspace. */
export function workspaceApi(user: TestUser, workspaceSlug: string) {
  const headers = { "x-workspace": workspaceSlug };
  return {
    get: (path: string) => user.context.request.get(path, { headers }),
    post: (path: string, data?: unknown) => user.context.request.post(path, { headers, data }),
    put: (path: string, data?: unknown) => user.context.request.put(path, { headers, data }),
  };
}

/** Adds another user to the workspace with a role, through an invitation link. */
export async function inviteMember(owner: TestUser, workspaceSlug: string, member: TestUser, role: string): Promise<void> {
  const invitation = await workspaceApi(owner, workspaceSlug).post("/api/v1/invitations", { role });
  expect(invitation.status(), await invitation.text()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  const accepted = await member.context.request.post(`/api/invitations/${token}/accept`);
  expect(accepted.status(), await accepted.text()).toBe(200);
}
