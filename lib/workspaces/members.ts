import type { Database } from "@/db/client";
import { countOwners, listMembers, removeMember, updateMemberRole } from "@/db/queries/workspaces";
import { canGrant, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

async function targetMember(db: Database, params: { workspaceId: string; userId: string }) {
  const member = (await listMembers(db, { workspaceId: params.workspaceId })).find((m) => m.userId === params.userId);
  if (!member) throw new AppError("not_found", "That person is not a member of this workspace.");
  return member;
}

/** Nobody can promote above their own role, touch a higher role, or leave a workspace without an owner. */
export async function changeMemberRole(
  db: Database,
  params: { workspaceId: string; actorRole: Role; userId: string; role: Role },
) {
  const member = await targetMember(db, params);
  if (!canGrant(params.actorRole, params.role) || !canGrant(params.actorRole, member.role)) {
    throw new AppError("forbidden", "You cannot change a role above your own.");
  }
  if (member.role === "owner" && params.role !== "owner" && (await countOwners(db, params)) <= 1) {
    throw new AppError("conflict", "A workspace needs at least one owner. Make someone else owner first.");
  }
  await updateMemberRole(db, params);
}

export async function removeWorkspaceMember(db: Database, params: { workspaceId: string; actorRole: Role; userId: string }) {
  const member = await targetMember(db, params);
  if (!canGrant(params.actorRole, member.role)) throw new AppError("forbidden", "You cannot remove someone with a role above your own.");
  if (member.role === "owner" && (await countOwners(db, params)) <= 1) {
    throw new AppError("conflict", "A workspace needs at least one owner.");
  }
  await removeMember(db, params);
}
