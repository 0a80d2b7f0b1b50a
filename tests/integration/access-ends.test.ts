import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { revokeApiKey } from "@/db/queries/api-keys";
import { listClosedInvitations, listOpenInvitations, revokeInvitation } from "@/db/queries/invitations";
import { findMembershipBySlug, removeMember, updateMemberRole } from "@/db/queries/workspaces";
import { apiKeys, invitations } from "@/db/schema";
import { authenticateApiKey, createApiKey } from "@/lib/workspaces/api-keys";
import { acceptInvitation, createInvitation, describeInvitation, invitationLinkState } from "@/lib/workspaces/invitations";
import { changeMemberRole, removeWorkspaceMember } from "@/lib/workspaces/members";
import { createMember, createUser, createWorkspace, uniqueEmail } from "@/tests/helpers/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/helpers/test-database";

/**
 * Issue 11: access ends when membership ends. Keys act with at most their creator's current role and
 * stop when the creator leaves; removal and demotion revoke keys and invitations in the same
 * transaction; invitation links work once and, when bound, only for their e-mail.
 */
describe.each(testDatabaseKinds())("access that ends on %s", (kind) => {
  const t = useTestDatabase(kind);

  async function workspaceWithAdmin() {
    const owner = await createUser(t.db, { name: "Olivia Owner" });
    const workspace = await createWorkspace(t.db, { ownerId: owner.id });
    const admin = await createMember(t.db, { workspaceId: workspace.id, role: "admin", name: "Adam Admin" });
    const key = (role: "admin" | "researcher" | "viewer") =>
      createApiKey(t.db, { workspaceId: workspace.id, creatorId: admin.id, creatorRole: "admin", name: `Adam ${role}`, role });
    const invite = (role: "admin" | "researcher" | "viewer", email?: string) =>
      createInvitation(t.db, { workspaceId: workspace.id, inviterId: admin.id, inviterRole: "admin", role, email });
    return { owner, workspace, admin, key, invite };
  }

  const reasonOf = async (table: "apiKeys" | "invitations", id: string) => {
    const source = table === "apiKeys" ? apiKeys : invitations;
    const [row] = await t.db.select({ revokedAt: source.revokedAt, reason: source.revokedReason }).from(source).where(eq(source.id, id));
    return row!;
  };

  it("refuses a removed member's key, and revokes it with the removal", async () => {
    const { workspace, admin, key } = await workspaceWithAdmin();
    const adminKey = await key("admin");
    expect(await authenticateApiKey(t.db, adminKey.key)).toMatchObject({ workspaceId: workspace.id, role: "admin" });
    const revoked = await removeWorkspaceMember(t.db, { workspaceId: workspace.id, actorRole: "owner", userId: admin.id });
    expect(revoked).toEqual({ apiKeys: 1, invitations: 0 });
    expect(await authenticateApiKey(t.db, adminKey.key)).toBeUndefined();
    expect(await reasonOf("apiKeys", adminKey.id)).toMatchObject({ reason: "creator_removed", revokedAt: expect.any(Date) });
    expect(await findMembershipBySlug(t.db, { userId: admin.id, slug: workspace.slug })).toBeUndefined();
  });

  it("refuses (401) a key whose creator left without its keys being revoked, e.g. before this rule existed", async () => {
    const { workspace, admin, key } = await workspaceWithAdmin();
    const adminKey = await key("admin");
    // Straight through the query: membership gone, key untouched.
    await removeMember(t.db, { workspaceId: workspace.id, userId: admin.id });
    expect(await reasonOf("apiKeys", adminKey.id)).toMatchObject({ revokedAt: null });
    await expect(authenticateApiKey(t.db, adminKey.key)).rejects.toMatchObject({ code: "unauthorized", status: 401, message: expect.stringContaining("creator is no longer a member") });
  });

  it("revokes a demoted admin's keys above the new role and caps the rest at it", async () => {
    const { workspace, admin, key } = await workspaceWithAdmin();
    const [adminKey, researcherKey, viewerKey] = [await key("admin"), await key("researcher"), await key("viewer")];
    const revoked = await changeMemberRole(t.db, { workspaceId: workspace.id, actorRole: "owner", userId: admin.id, role: "researcher" });
    expect(revoked).toEqual({ apiKeys: 1, invitations: 0 });
    expect(await authenticateApiKey(t.db, adminKey.key)).toBeUndefined();
    expect(await reasonOf("apiKeys", adminKey.id)).toMatchObject({ reason: "creator_demoted" });
    expect(await authenticateApiKey(t.db, researcherKey.key)).toMatchObject({ role: "researcher" });
    expect(await authenticateApiKey(t.db, viewerKey.key)).toMatchObject({ role: "viewer" });
    // A promotion back revokes nothing and does not bring the revoked key back.
    expect(await changeMemberRole(t.db, { workspaceId: workspace.id, actorRole: "owner", userId: admin.id, role: "admin" })).toEqual({ apiKeys: 0, invitations: 0 });
    expect(await authenticateApiKey(t.db, adminKey.key)).toBeUndefined();
  });

  it("lets a key act with at most its creator's current role even when nothing was revoked", async () => {
    const { workspace, admin, key } = await workspaceWithAdmin();
    const adminKey = await key("admin");
    await updateMemberRole(t.db, { workspaceId: workspace.id, userId: admin.id, role: "viewer" });
    expect(await authenticateApiKey(t.db, adminKey.key)).toMatchObject({ role: "viewer", keyRole: "admin" });
    await updateMemberRole(t.db, { workspaceId: workspace.id, userId: admin.id, role: "owner" });
    expect(await authenticateApiKey(t.db, adminKey.key)).toMatchObject({ role: "admin" });
  });

  it("accepts an invitation once; a second accept gets a clear error", async () => {
    const { workspace, invite } = await workspaceWithAdmin();
    const invitation = await invite("researcher");
    const [first, second] = [await createUser(t.db), await createUser(t.db)];
    expect(await acceptInvitation(t.db, { token: invitation.token, userId: first.id })).toMatchObject({ id: workspace.id, role: "researcher" });
    await expect(acceptInvitation(t.db, { token: invitation.token, userId: second.id })).rejects.toMatchObject({ code: "conflict", status: 409, message: expect.stringContaining("already been used") });
    expect(await findMembershipBySlug(t.db, { userId: second.id, slug: workspace.slug })).toBeUndefined();
    expect(await describeInvitation(t.db, { token: invitation.token })).toBeUndefined();
    expect(await invitationLinkState(t.db, { token: invitation.token, userEmail: second.email })).toEqual({ state: "used" });
    const [closed] = await listClosedInvitations(t.db, { workspaceId: workspace.id, since: new Date(0), limit: 10 });
    expect(closed).toMatchObject({ id: invitation.id, acceptedByName: first.name, acceptedByEmail: first.email, revokedAt: null });
  });

  it("lets only one of two concurrent accepts through", async () => {
    const { workspace, invite } = await workspaceWithAdmin();
    const invitation = await invite("viewer");
    const users = [await createUser(t.db), await createUser(t.db), await createUser(t.db)];
    const results = await Promise.allSettled(users.map((user) => acceptInvitation(t.db, { token: invitation.token, userId: user.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const failed of results.filter((r) => r.status === "rejected")) expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const joined = await Promise.all(users.map((user) => findMembershipBySlug(t.db, { userId: user.id, slug: workspace.slug })));
    expect(joined.filter(Boolean)).toHaveLength(1);
  });

  it("never changes an existing member's role, and leaves the link unused", async () => {
    const { workspace, invite } = await workspaceWithAdmin();
    const viewer = await createMember(t.db, { workspaceId: workspace.id, role: "viewer" });
    const invitation = await invite("admin");
    expect(await acceptInvitation(t.db, { token: invitation.token, userId: viewer.id })).toMatchObject({ role: "viewer" });
    expect(await findMembershipBySlug(t.db, { userId: viewer.id, slug: workspace.slug })).toMatchObject({ role: "viewer" });
    expect(await describeInvitation(t.db, { token: invitation.token })).toMatchObject({ id: invitation.id });
  });

  it("revokes a removed member's open invitations, which then cannot be used", async () => {
    const { workspace, admin, invite, key } = await workspaceWithAdmin();
    const [asAdmin, asViewer] = [await invite("admin"), await invite("viewer")];
    const used = await invite("researcher");
    await acceptInvitation(t.db, { token: used.token, userId: (await createUser(t.db)).id });
    await key("researcher");
    const revoked = await removeWorkspaceMember(t.db, { workspaceId: workspace.id, actorRole: "owner", userId: admin.id });
    expect(revoked).toEqual({ apiKeys: 1, invitations: 2 });
    for (const invitation of [asAdmin, asViewer]) {
      expect(await reasonOf("invitations", invitation.id)).toMatchObject({ reason: "creator_removed" });
      await expect(acceptInvitation(t.db, { token: invitation.token, userId: admin.id })).rejects.toMatchObject({ code: "not_found" });
    }
    // The used one stays a record of who joined through it, not a revocation.
    expect(await reasonOf("invitations", used.id)).toMatchObject({ revokedAt: null, reason: null });
    expect(await findMembershipBySlug(t.db, { userId: admin.id, slug: workspace.slug })).toBeUndefined();
    expect(await listOpenInvitations(t.db, { workspaceId: workspace.id, now: new Date() })).toEqual([]);
  });

  it("revokes a demoted member's invitations above the new role only", async () => {
    const { workspace, admin, invite } = await workspaceWithAdmin();
    const [asAdmin, asResearcher, asViewer] = [await invite("admin"), await invite("researcher"), await invite("viewer")];
    const revoked = await changeMemberRole(t.db, { workspaceId: workspace.id, actorRole: "owner", userId: admin.id, role: "researcher" });
    expect(revoked).toEqual({ apiKeys: 0, invitations: 1 });
    expect(await reasonOf("invitations", asAdmin.id)).toMatchObject({ reason: "creator_demoted" });
    expect(await describeInvitation(t.db, { token: asResearcher.token })).toBeDefined();
    expect(await describeInvitation(t.db, { token: asViewer.token })).toBeDefined();
  });

  it("leaves everything as it was when a removal is refused", async () => {
    const { workspace, owner, admin, key } = await workspaceWithAdmin();
    const adminKey = await key("admin");
    await expect(removeWorkspaceMember(t.db, { workspaceId: workspace.id, actorRole: "admin", userId: owner.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorRole: "owner", userId: owner.id, role: "viewer" })).rejects.toMatchObject({ code: "conflict" });
    expect(await authenticateApiKey(t.db, adminKey.key)).toMatchObject({ role: "admin" });
    expect(await findMembershipBySlug(t.db, { userId: admin.id, slug: workspace.slug })).toMatchObject({ role: "admin" });
  });

  it("binds an invitation to an e-mail: another address is refused, the same one in any case accepted", async () => {
    const { workspace, invite } = await workspaceWithAdmin();
    const email = uniqueEmail("invited");
    const invitation = await invite("researcher", email.toUpperCase());
    expect(invitation.email).toBe(email);
    const stranger = await createUser(t.db);
    await expect(acceptInvitation(t.db, { token: invitation.token, userId: stranger.id })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect(await invitationLinkState(t.db, { token: invitation.token, userEmail: stranger.email })).toEqual({ state: "other_email" });
    expect(await findMembershipBySlug(t.db, { userId: stranger.id, slug: workspace.slug })).toBeUndefined();
    const invited = await createUser(t.db, { email });
    expect(await invitationLinkState(t.db, { token: invitation.token, userEmail: email.toUpperCase() })).toMatchObject({ state: "open", role: "researcher" });
    expect(await acceptInvitation(t.db, { token: invitation.token, userId: invited.id })).toMatchObject({ role: "researcher" });
  });

  it("marks manual revocations as manual", async () => {
    const { workspace, key, invite } = await workspaceWithAdmin();
    const [apiKey, invitation] = [await key("viewer"), await invite("viewer")];
    expect(await revokeApiKey(t.db, { workspaceId: workspace.id, apiKeyId: apiKey.id, now: new Date() })).toBe(true);
    expect(await revokeInvitation(t.db, { workspaceId: workspace.id, invitationId: invitation.id, now: new Date() })).toBe(true);
    expect(await reasonOf("apiKeys", apiKey.id)).toMatchObject({ reason: "manual" });
    expect(await reasonOf("invitations", invitation.id)).toMatchObject({ reason: "manual" });
    // Revoking twice changes nothing.
    expect(await revokeInvitation(t.db, { workspaceId: workspace.id, invitationId: invitation.id, now: new Date() })).toBe(false);
  });
});
