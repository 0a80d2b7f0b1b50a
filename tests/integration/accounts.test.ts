import { describe, expect, it } from "vitest";
import { listWorkspacesForUser, findMembershipBySlug } from "@/db/queries/workspaces";
import { verifyCredentials } from "@/lib/accounts/sign-in";
import { signUp } from "@/lib/accounts/sign-up";
import { acceptInvitation, createInvitation, describeInvitation } from "@/lib/workspaces/invitations";
import { authenticateApiKey, createApiKey } from "@/lib/workspaces/api-keys";
import { AppError } from "@/lib/errors";
import { TEST_PASSWORD, createUser, createWorkspace, uniqueEmail } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

describe.each(testDatabaseKinds())("accounts and workspaces on %s", (kind) => {
  const t = useTestDatabase(kind);

  it("signs up, rejects a taken e-mail and a weak password, and verifies credentials", async () => {
    const email = uniqueEmail();
    const user = await signUp(t.db, { name: "Aino", email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(user.email).toBe(email);
    await expect(signUp(t.db, { name: "Aino again", email, password: TEST_PASSWORD })).rejects.toMatchObject({ code: "conflict" });
    await expect(signUp(t.db, { name: "Weak", email: uniqueEmail(), password: "short" })).rejects.toThrow();
    expect(await verifyCredentials(t.db, { email, password: TEST_PASSWORD })).toMatchObject({ id: user.id });
    expect(await verifyCredentials(t.db, { email, password: "wrong-password-1" })).toBeUndefined();
    expect(await verifyCredentials(t.db, { email: uniqueEmail(), password: TEST_PASSWORD })).toBeUndefined();
  });

  it("creates workspaces with unique slugs and the creator as owner", async () => {
    const owner = await createUser(t.db);
    const first = await createWorkspace(t.db, { ownerId: owner.id, name: "Nordic Travel" });
    const second = await createWorkspace(t.db, { ownerId: owner.id, name: "Nordic Travel" });
    expect(first.slug).not.toBe(second.slug);
    const mine = await listWorkspacesForUser(t.db, { userId: owner.id });
    expect(mine.map((w) => w.role)).toEqual(["owner", "owner"]);
  });

  it("lets an invitation link add a member with its role, never above the inviter's", async () => {
    const owner = await createUser(t.db);
    const workspace = await createWorkspace(t.db, { ownerId: owner.id });
    const invitation = await createInvitation(t.db, { workspaceId: workspace.id, inviterId: owner.id, inviterRole: "owner", role: "viewer" });
    expect(await describeInvitation(t.db, { token: invitation.token })).toMatchObject({ role: "viewer", workspaceId: workspace.id });
    const guest = await createUser(t.db);
    const membership = await acceptInvitation(t.db, { token: invitation.token, userId: guest.id });
    expect(membership.role).toBe("viewer");
    await expect(createInvitation(t.db, { workspaceId: workspace.id, inviterId: guest.id, inviterRole: "viewer", role: "owner" })).rejects.toBeInstanceOf(AppError);
    await expect(createInvitation(t.db, { workspaceId: workspace.id, inviterId: owner.id, inviterRole: "admin", role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(acceptInvitation(t.db, { token: "forged-token", userId: guest.id })).rejects.toMatchObject({ code: "not_found" });
    const later = new Date(Date.now() + 15 * 24 * 3600 * 1000);
    expect(await describeInvitation(t.db, { token: invitation.token, now: later })).toBeUndefined();
  });

  it("authenticates API keys by hash and scopes them to their workspace", async () => {
    const owner = await createUser(t.db);
    const workspace = await createWorkspace(t.db, { ownerId: owner.id });
    const { key } = await createApiKey(t.db, { workspaceId: workspace.id, creatorId: owner.id, creatorRole: "owner", name: "CRM", role: "researcher" });
    expect(key.startsWith("nsk_")).toBe(true);
    expect(await authenticateApiKey(t.db, key)).toMatchObject({ workspaceId: workspace.id, role: "researcher" });
    expect(await authenticateApiKey(t.db, `${key}x`)).toBeUndefined();
    expect(await findMembershipBySlug(t.db, { userId: owner.id, slug: workspace.slug })).toMatchObject({ role: "owner" });
  });
});
