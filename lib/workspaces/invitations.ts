import type { Database } from "@/db/client";
import { claimInvitation, findInvitationByToken, insertInvitation } from "@/db/queries/invitations";
import { findUserById } from "@/db/queries/users";
import { addMember, findMembershipBySlug } from "@/db/queries/workspaces";
import { canGrant, type Role } from "@/lib/auth/roles";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";

const INVITATION_DAYS = 14;

/**
 * Creates a single-use invitation link; the token is returned once and only its hash is kept.
 * With `email`, only a signed-in user with that e-mail (any case) may accept it.
 */
export async function createInvitation(
  db: Database,
  params: { workspaceId: string; inviterId: string; inviterRole: Role; role: Role; email?: string; now?: Date },
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
    email: params.email?.trim().toLowerCase() || undefined,
  });
  return { id: invitation.id, token, expiresAt, email: invitation.email };
}

type LinkState = "open" | "used" | "invalid";

function stateOf(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt || invitation.expiresAt <= now) return "invalid";
  return "open";
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The open invitation behind a link, or undefined when it is unknown, used, revoked or expired. */
export async function describeInvitation(db: Database, params: { token: string; now?: Date }) {
  const found = await findInvitationByToken(db, { tokenHash: hashToken(params.token) });
  if (!found || stateOf(found, params.now ?? new Date()) !== "open") return undefined;
  return { id: found.id, workspaceId: found.workspaceId, role: found.role, email: found.email, workspaceName: found.workspaceName, workspaceSlug: found.workspaceSlug };
}

/** What the invitation page shows a signed-in user: join, already used, meant for another e-mail, or invalid. */
export async function invitationLinkState(db: Database, params: { token: string; userEmail: string; now?: Date }) {
  const found = await findInvitationByToken(db, { tokenHash: hashToken(params.token) });
  if (!found) return { state: "invalid" as const };
  const state = stateOf(found, params.now ?? new Date());
  if (state !== "open") return { state };
  if (found.email && !sameEmail(found.email, params.userEmail)) return { state: "other_email" as const };
  return { state, workspaceName: found.workspaceName, role: found.role };
}

/**
 * Joins the signed-in user to the invitation's workspace. A link works once: claiming it (an UPDATE
 * that only matches an open invitation) and adding the member happen in one transaction, so a second
 * accept, even a concurrent one, gets a clear error. Someone who is already a member keeps their role
 * and leaves the link unused.
 */
export async function acceptInvitation(db: Database, params: { token: string; userId: string; now?: Date }) {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const found = await findInvitationByToken(tx, { tokenHash: hashToken(params.token) });
    if (!found) throw new AppError("not_found", "This invitation link is invalid, revoked or expired.");
    const existing = await findMembershipBySlug(tx, { userId: params.userId, slug: found.workspaceSlug });
    if (existing) return existing;
    const state = stateOf(found, now);
    if (state === "used") throw new AppError("conflict", "This invitation link has already been used. Ask for a new one.");
    if (state === "invalid") throw new AppError("not_found", "This invitation link is invalid, revoked or expired.");
    const user = await findUserById(tx, { userId: params.userId });
    if (!user) throw new AppError("unauthorized", "Please sign in again.");
    if (found.email && !sameEmail(found.email, user.email)) {
      throw new AppError("forbidden", "This invitation is for a different e-mail address. Sign in with the address it was sent to.");
    }
    const claimed = await claimInvitation(tx, { invitationId: found.id, userId: user.id, userEmail: user.email, now });
    if (!claimed) throw new AppError("conflict", "This invitation link has already been used. Ask for a new one.");
    await addMember(tx, { workspaceId: claimed.workspaceId, userId: user.id, role: claimed.role });
    const membership = await findMembershipBySlug(tx, { userId: user.id, slug: found.workspaceSlug });
    return membership!;
  });
}
