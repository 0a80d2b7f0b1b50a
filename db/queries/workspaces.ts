import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { members, users, workspaces } from "../schema";
import type { Role } from "@/lib/auth/roles";

export type WorkspaceMembership = { id: string; slug: string; name: string; role: Role };

export async function listWorkspacesForUser(db: Database, params: { userId: string }): Promise<WorkspaceMembership[]> {
  return db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name, role: members.role })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(eq(members.userId, params.userId))
    .orderBy(asc(workspaces.name));
}

export async function findMembershipBySlug(
  db: Database,
  params: { userId: string; slug: string },
): Promise<WorkspaceMembership | undefined> {
  const [row] = await db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name, role: members.role })
    .from(workspaces)
    .innerJoin(members, and(eq(members.workspaceId, workspaces.id), eq(members.userId, params.userId)))
    .where(eq(workspaces.slug, params.slug));
  return row;
}

export async function findWorkspaceById(db: Database, params: { workspaceId: string }) {
  const [row] = await db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, params.workspaceId));
  return row;
}

/** Creates the workspace with its creator as owner, in one transaction. Returns undefined if the slug is taken. */
export async function insertWorkspaceWithOwner(db: Database, params: { slug: string; name: string; ownerId: string }) {
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({ slug: params.slug, name: params.name })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name });
    if (!workspace) return undefined;
    await tx.insert(members).values({ workspaceId: workspace.id, userId: params.ownerId, role: "owner" });
    return workspace;
  });
}

export async function listMembers(db: Database, params: { workspaceId: string }) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: members.role, joinedAt: members.createdAt })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, params.workspaceId))
    .orderBy(asc(users.name));
}

/** Adds a member, or leaves an existing membership untouched (an invitation never demotes anyone). */
export async function addMember(db: Database, params: { workspaceId: string; userId: string; role: Role }) {
  await db.insert(members).values(params).onConflictDoNothing();
}

export async function updateMemberRole(db: Database, params: { workspaceId: string; userId: string; role: Role }) {
  const rows = await db
    .update(members)
    .set({ role: params.role })
    .where(and(eq(members.workspaceId, params.workspaceId), eq(members.userId, params.userId)))
    .returning({ userId: members.userId });
  return rows.length > 0;
}

export async function countOwners(db: Database, params: { workspaceId: string }) {
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.workspaceId, params.workspaceId), eq(members.role, "owner")));
  return rows.length;
}

export async function removeMember(db: Database, params: { workspaceId: string; userId: string }) {
  await db.delete(members).where(and(eq(members.workspaceId, params.workspaceId), eq(members.userId, params.userId)));
}
