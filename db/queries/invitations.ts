import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { invitations, users, workspaces } from "../schema";
import type { Role } from "@/lib/auth/roles";
import type { RevocationReason } from "./api-keys";

export async function insertInvitation(
  db: Database,
  params: { workspaceId: string; role: Role; tokenHash: string; createdBy: string; expiresAt: Date; email?: string },
) {
  const [row] = await db.insert(invitations).values(params).returning({ id: invitations.id, expiresAt: invitations.expiresAt, email: invitations.email });
  return row!;
}

/** Open: not accepted, not revoked, not expired. */
function isOpen(now: Date) {
  return and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
}

export async function listOpenInvitations(db: Database, params: { workspaceId: string; now: Date }) {
  return db
    .select({ id: invitations.id, role: invitations.role, email: invitations.email, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, params.workspaceId), isOpen(params.now)))
    .orderBy(desc(invitations.createdAt));
}

/** Invitations revoked or accepted since a moment, newest first, with who accepted them (for the members page). */
export async function listClosedInvitations(db: Database, params: { workspaceId: string; since: Date; limit: number }) {
  const closedAt = sql<Date>`coalesce(${invitations.revokedAt}, ${invitations.acceptedAt})`.mapWith(invitations.createdAt);
  return db
    .select({
      id: invitations.id,
      role: invitations.role,
      email: invitations.email,
      revokedAt: invitations.revokedAt,
      revokedReason: invitations.revokedReason,
      acceptedAt: invitations.acceptedAt,
      acceptedByName: users.name,
      acceptedByEmail: users.email,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.acceptedBy))
    .where(
      and(
        eq(invitations.workspaceId, params.workspaceId),
        or(and(isNotNull(invitations.revokedAt), gte(invitations.revokedAt, params.since)), and(isNotNull(invitations.acceptedAt), gte(invitations.acceptedAt, params.since))),
      ),
    )
    .orderBy(desc(closedAt))
    .limit(params.limit);
}

/** An invitation link is looked up by its token alone: that is what the link carries. Any state; the caller decides. */
export async function findInvitationByToken(db: Database, params: { tokenHash: string }) {
  const [row] = await db
    .select({
      id: invitations.id,
      workspaceId: invitations.workspaceId,
      role: invitations.role,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      revokedAt: invitations.revokedAt,
      acceptedAt: invitations.acceptedAt,
      workspaceName: workspaces.name,
      workspaceSlug: workspaces.slug,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(eq(invitations.tokenHash, params.tokenHash));
  return row;
}

/**
 * Claims an open invitation for one user, atomically: of two concurrent accepts only one gets the
 * row back. An invitation bound to an e-mail is claimed only by a user with that e-mail (any case).
 */
export async function claimInvitation(db: Database, params: { invitationId: string; userId: string; userEmail: string; now: Date }) {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: params.now, acceptedBy: params.userId })
    .where(
      and(
        eq(invitations.id, params.invitationId),
        isOpen(params.now),
        or(isNull(invitations.email), eq(sql`lower(${invitations.email})`, params.userEmail.trim().toLowerCase())),
      ),
    )
    .returning({ id: invitations.id, workspaceId: invitations.workspaceId, role: invitations.role });
  return row;
}

export async function revokeInvitation(db: Database, params: { workspaceId: string; invitationId: string; now: Date }) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: params.now, revokedReason: "manual" satisfies RevocationReason })
    .where(and(eq(invitations.workspaceId, params.workspaceId), eq(invitations.id, params.invitationId), isNull(invitations.revokedAt), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/**
 * Revokes the open invitations a member created in the workspace: all of them, or only those with one
 * of `roles` (the roles above a demoted member's new role). Returns how many were revoked.
 */
export async function revokeInvitationsOfCreator(
  db: Database,
  params: { workspaceId: string; creatorId: string; reason: RevocationReason; now: Date; roles?: Role[] },
) {
  if (params.roles?.length === 0) return 0;
  const rows = await db
    .update(invitations)
    .set({ revokedAt: params.now, revokedReason: params.reason })
    .where(
      and(
        eq(invitations.workspaceId, params.workspaceId),
        eq(invitations.createdBy, params.creatorId),
        isOpen(params.now),
        params.roles ? inArray(invitations.role, params.roles) : undefined,
      ),
    )
    .returning({ id: invitations.id });
  return rows.length;
}
