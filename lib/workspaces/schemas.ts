import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { ZEmail } from "@/lib/auth/schemas";

export const ZRole = z.enum(ROLES as [Role, ...Role[]]);

export const ZCreateWorkspaceInput = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
});
export type TCreateWorkspaceInput = z.infer<typeof ZCreateWorkspaceInput>;

/**
 * Optionally bound to an e-mail: then only a user signed in with it may accept. The form sends "" for
 * "anyone with the link"; the API may leave it out or send null.
 */
export const ZCreateInvitationInput = z.object({
  role: ZRole,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === "" || ZEmail.safeParse(value).success, "Enter a valid e-mail address")
    .nullish()
    .transform((value) => value || undefined),
});
export type TCreateInvitationFormValues = z.input<typeof ZCreateInvitationInput>;
export type TCreateInvitationInput = z.output<typeof ZCreateInvitationInput>;

export const ZChangeMemberRoleInput = z.object({ userId: z.uuid(), role: ZRole });

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key").max(80),
  role: ZRole.exclude(["owner"]),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZRevokeInput = z.object({ id: z.uuid() });
