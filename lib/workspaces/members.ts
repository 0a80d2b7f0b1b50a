import type { Database } from "@/db/client";
import { revokeApiKeysOfCreator, type RevocationReason } from "@/db/queries/api-keys";
import { revokeInvitationsOfCreator } from "@/db/queries/invitations";
import { countOwners, listMembers, removeMember, updateMemberRole } from "@/db/queries/workspaces";
import { canGrant, rolesAbove, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** What a removal or demotion took with it, for the members page's notice. */
export type Revoked = { apiKeys: number; invitations: number };

async function targetMember(db: Database, params: { workspaceId: string; userId: string }) {
  const member = (await listMembers(db, { workspaceId: params.workspaceId })).find((m) => m.userId === params.userId);
  if (!member) throw new AppError("not_found", "That person is not a member of this workspace.");
  return member;
}

/** Revokes what a member created that their membership no longer covers: all of it, or what ranks above `roles`. */
async function revokeCreatedBy(
  db: Database,
  params: { workspaceId: string; userId: string; reason: RevocationReason; roles?: Role[]; now: Date },
): Promise<Revoked> {
  const scope = { workspaceId: params.workspaceId, creatorId: params.userId, reason: params.reason, roles: params.roles, now: params.now };
  return { apiKeys: await revokeApiKeysOfCreator(db, scope), invitations: await revokeInvitationsOfCreator(db, scope) };
}

/**
 * Nobody can promote above their own role, touch a higher role, or leave a workspace without an owner.
 * A demotion revokes, in the same transaction, the member's API keys and open invitations whose role
 * is above the new one (reason "creator_demoted").
 */
export async function changeMemberRole(
  db: Database,
  params: { workspaceId: string; actorRole: Role; userId: string; role: Role; now?: Date },
): Promise<Revoked> {
  return db.transaction(async (tx) => {
    const member = await targetMember(tx, params);
    if (!canGrant(params.actorRole, params.role) || !canGrant(params.actorRole, member.role)) {
      throw new AppError("forbidden", "You cannot change a role above your own.");
    }
    if (member.role === "owner" && params.role !== "owner" && (await countOwners(tx, params)) <= 1) {
      throw new AppError("conflict", "A workspace needs at least one owner. Make someone else owner first.");
    }
    await updateMemberRole(tx, params);
    return revokeCreatedBy(tx, { ...params, reason: "creator_demoted", roles: rolesAbove(params.role), now: params.now ?? new Date() });
  });
}

/** Removing a member revokes, in the same transaction, every API key and open invitation they created here ("creator_removed"). */
export async function removeWorkspaceMember(
  db: Database,
  params: { workspaceId: string; actorRole: Role; userId: string; now?: Date },
): Promise<Revoked> {
  return db.transaction(async (tx) => {
    const member = await targetMember(tx, params);
    if (!canGrant(params.actorRole, member.role)) throw new AppError("forbidden", "You cannot remove someone with a role above your own.");
    if (member.role === "owner" && (await countOwners(tx, params)) <= 1) {
      throw new AppError("conflict", "A workspace needs at least one owner.");
    }
    await removeMember(tx, params);
    return revokeCreatedBy(tx, { ...params, reason: "creator_removed", now: params.now ?? new Date() });
  });
}
