import type { Database } from "@/db/client";
import { findUsableInvitation, insertInvitation } from "@/db/queries/invitations";
import { addMember, findMembershipBySlug } from "@/db/queries/workspaces";
import { canGrant, type Role } from "@/lib/auth/roles";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";

const INVITATION_DAYS = 14;

/** Creates an invitation link; the token is returned once and only its hash is kept. */
export async function createInvitation(
  db: Database,
  params: { workspaceId: string; inviterId: string; inviterRole: Role; role: Role; now?: Date },
) {
  if (!canGrant(params.inviterRole, params.role)) {
    throw new AppError("forbidden", "You cannot invite someone with a role above your own.");
  }
  const now = params.now ?? new Date();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
  const invitation = await insertInvitation(db, {
    workspaceId: params.workspaceId,
    role: params.role,
    tokenHash: hashToken(token),
    createdBy: params.inviterId,
    expiresAt,
  });
  return { id: invitation.id, token, expiresAt };
}

export async function describeInvitation(db: Database, params: { token: string; now?: Date }) {
  return findUsableInvitation(db, { tokenHash: hashToken(params.token), now: params.now ?? new Date() });
}

/** Joins the signed-in user to the invitation's workspace; a link can be used by several colleagues until it expires. */
export async function acceptInvitation(db: Database, params: { token: string; userId: string; now?: Date }) {
  const invitation = await describeInvitation(db, params);
  if (!invitation) throw new AppError("not_found", "This invitation link is invalid, revoked or expired.");
  await addMember(db, { workspaceId: invitation.workspaceId, userId: params.userId, role: invitation.role });
  const membership = await findMembershipBySlug(db, { userId: params.userId, slug: invitation.workspaceSlug });
  return membership!;
}
