// Invitation links of the workspace: create one with a role (never above the caller's).
import { apiRoute } from "@/lib/auth/api-route";
import { AppError } from "@/lib/errors";
import { createInvitation } from "@/lib/workspaces/invitations";
import { ZCreateInvitationInput } from "@/lib/workspaces/schemas";

export const POST = apiRoute({ permission: "members:manage", body: ZCreateInvitationInput }, async (ctx, { body }) => {
  if (!ctx.userId) throw new AppError("forbidden", "Invitations are created by people, not API keys.");
  const invitation = await createInvitation(ctx.db, { workspaceId: ctx.workspace.id, inviterId: ctx.userId, inviterRole: ctx.role, role: body.role });
  return Response.json({ id: invitation.id, token: invitation.token, expiresAt: invitation.expiresAt }, { status: 201 });
});
