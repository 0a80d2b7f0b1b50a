import { ROLES, canGrant, type Role } from "@/lib/auth/roles";

export function grantableRoles(actor: Role): Role[] {
  return ROLES.filter((role) => canGrant(actor, role));
}
