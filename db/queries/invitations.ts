import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { invitations, workspaces } from "../schema";
import type { Role } from "@/lib/auth/roles";

export async function insertInvitation(
  db: Database,
  params: { workspaceId: string; role: Role; tokenHash: string; createdBy: string; expiresAt: Date },
) {
  const [row] = await db.insert(invitations).values(params).returning({ id: invitations.id, expiresAt: invitations.expiresAt });
  return row!;
}

export async function listOpenInvitations(db: Database, params: { workspaceId: string; now: Date }) {
  return db
    .select({ id: invitations.id, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, params.workspaceId), isNull(invitations.revokedAt), gt(invitations.expiresAt, params.now)))
    .orderBy(desc(invitations.createdAt));
}

/** An invitation link is looked up by its token alone: that is what the link carries. */
export async function findUsableInvitation(db: Database, params: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select({
      id: invitations.id,
      workspaceId: invitations.workspaceId,
      role: invitations.role,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(and(eq(invitations.tokenHash, params.tokenHash), isNull(invitations.revokedAt), gt(invitations.expiresAt, params.now)));
  return row;
}

export async function revokeInvitation(db: Database, params: { workspaceId: string; invitationId: string; now: Date }) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: params.now })
    .where(and(eq(invitations.workspaceId, params.workspaceId), eq(invitations.id, params.invitationId)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
