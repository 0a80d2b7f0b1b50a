// Invitation links of the workspace: create a single-use one with a role (never above the caller's), optionally bound to an e-mail.
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { createInvitation } from "@/lib/workspaces/invitations";
import { ZCreateInvitationInput } from "@/lib/workspaces/schemas";

export const POST = apiRoute({ permission: "members:manage", body: ZCreateInvitationInput }, async (ctx, { body }) => {
  if (!ctx.userId) throw new AppError("forbidden", "Invitations are created by people, not API keys.");
  const invitation = await createInvitation(ctx.db, { workspaceId: ctx.workspace.id, inviterId: ctx.userId, inviterRole: ctx.role, role: body.role, email: body.email });
  return Response.json({ id: invitation.id, token: invitation.token, expiresAt: invitation.expiresAt, email: invitation.email }, { status: 201 });
});
