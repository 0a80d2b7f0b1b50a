"use server";

import { z } from "zod";
import { userAction } from "@/lib/auth/access";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { requestClientAddress } from "@/lib/http/client-address";
import { limitInvitationAccept } from "@/lib/rate-limit/limits";
import { acceptInvitation } from "@/lib/workspaces/invitations";
import { ZCreateWorkspaceInput } from "@/lib/workspaces/schemas";

export const createWorkspaceAction = userAction({ schema: ZCreateWorkspaceInput }, async ({ db, user }, input) =>
  createWorkspace(db, { ownerId: user.id, input }),
);

export const acceptInvitationAction = userAction({ schema: z.object({ token: z.string().min(10).max(200) }) }, async ({ db, user }, input) => {
  await limitInvitationAccept(db, { userId: user.id, address: await requestClientAddress() });
  return acceptInvitation(db, { token: input.token, userId: user.id });
});
