import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";

export const ZRole = z.enum(ROLES as [Role, ...Role[]]);

export const ZCreateWorkspaceInput = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
});
export type TCreateWorkspaceInput = z.infer<typeof ZCreateWorkspaceInput>;

export const ZCreateInvitationInput = z.object({ role: ZRole });
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;

export const ZChangeMemberRoleInput = z.object({ userId: z.uuid(), role: ZRole });

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key").max(80),
  role: ZRole.exclude(["owner"]),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZRevokeInput = z.object({ id: z.uuid() });
