"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey } from "@/db/queries/api-keys";
import { revokeInvitation } from "@/db/queries/invitations";
import { workspaceAction } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import { createApiKey } from "@/lib/workspaces/api-keys";
import { createInvitation } from "@/lib/workspaces/invitations";
import { changeMemberRole, removeWorkspaceMember } from "@/lib/workspaces/members";
import { ZChangeMemberRoleInput, ZCreateApiKeyInput, ZCreateInvitationInput, ZRevokeInput } from "@/lib/workspaces/schemas";
import { z } from "zod";

export const createInvitationAction = workspaceAction({ schema: ZCreateInvitationInput, permission: "members:manage" }, async (ctx, input) => {
  const invitation = await createInvitation(ctx.db, {
    workspaceId: ctx.workspace.id,
    inviterId: ctx.userId!,
    inviterRole: ctx.role,
    role: input.role,
    email: input.email,
  });
  revalidatePath(`/w/${ctx.workspace.slug}/settings/members`);
  return { token: invitation.token, email: invitation.email };
});

export const revokeInvitationAction = workspaceAction({ schema: ZRevokeInput, permission: "members:manage" }, async (ctx, input) => {
  const revoked = await revokeInvitation(ctx.db, { workspaceId: ctx.workspace.id, invitationId: input.id, now: new Date() });
  if (!revoked) throw new AppError("not_found", "Invitation not found.");
  revalidatePath(`/w/${ctx.workspace.slug}/settings/members`);
  return null;
});

export const changeMemberRoleAction = workspaceAction({ schema: ZChangeMemberRoleInput, permission: "members:manage" }, async (ctx, input) => {
  // What the demotion revoked with it (keys and invitations above the new role), for the page's notice.
  const revoked = await changeMemberRole(ctx.db, { workspaceId: ctx.workspace.id, actorRole: ctx.role, ...input });
  revalidatePath(`/w/${ctx.workspace.slug}/settings/members`);
  revalidatePath(`/w/${ctx.workspace.slug}/settings/api-keys`);
  return { revoked };
});

export const removeMemberAction = workspaceAction({ schema: z.object({ userId: z.uuid() }), permission: "members:manage" }, async (ctx, input) => {
  // What the removal revoked with it (all their keys and open invitations), for the page's notice.
  const revoked = await removeWorkspaceMember(ctx.db, { workspaceId: ctx.workspace.id, actorRole: ctx.role, userId: input.userId });
  revalidatePath(`/w/${ctx.workspace.slug}/settings/members`);
  revalidatePath(`/w/${ctx.workspace.slug}/settings/api-keys`);
  return { revoked };
});

export const createApiKeyAction = workspaceAction({ schema: ZCreateApiKeyInput, permission: "apikeys:manage" }, async (ctx, input) => {
  const created = await createApiKey(ctx.db, {
    workspaceId: ctx.workspace.id,
    creatorId: ctx.userId!,
    creatorRole: ctx.role,
    name: input.name,
    role: input.role,
  });
  revalidatePath(`/w/${ctx.workspace.slug}/settings/api-keys`);
  return { key: created.key };
});

export const revokeApiKeyAction = workspaceAction({ schema: ZRevokeInput, permission: "apikeys:manage" }, async (ctx, input) => {
  const revoked = await revokeApiKey(ctx.db, { workspaceId: ctx.workspace.id, apiKeyId: input.id, now: new Date() });
  if (!revoked) throw new AppError("not_found", "API key not found.");
  revalidatePath(`/w/${ctx.workspace.slug}/settings/api-keys`);
  return null;
});
