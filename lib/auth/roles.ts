import type { Member } from "@/db/schema";

export type Role = Member["role"];
export const ROLES: readonly Role[] = ["owner", "admin", "researcher", "facilitator", "viewer"];

export type Permission =
  | "workspace:manage"
  | "members:manage"
  | "apikeys:manage"
  | "study:read"
  | "study:write"
  | "survey:write"
  | "responses:read"
  | "responses:submit"
  | "customers:read"
  | "customers:import"
  | "jobs:manage"
  | "analysis:run"
  | "segments:read"
  | "segments:name"
  | "persona:write"
  | "persona:read";

const everything: Permission[] = [
  "workspace:manage",
  "members:manage",
  "apikeys:manage",
  "study:read",
  "study:write",
  "survey:write",
  "responses:read",
  "responses:submit",
  "customers:read",
  "customers:import",
  "jobs:manage",
  "analysis:run",
  "segments:read",
  "segments:name",
  "persona:write",
  "persona:read",
];

const ADMINISTRATION: Permission[] = ["workspace:manage", "members:manage", "apikeys:manage"];

/**
 * Viewers read published personas and segment summaries, nothing with personal data;
 * facilitators shape segments into personas but do not design surveys or run analyses.
 */
const PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(everything),
  admin: new Set(everything.filter((p) => p !== "workspace:manage")),
  researcher: new Set(everything.filter((p) => !ADMINISTRATION.includes(p))),
  facilitator: new Set<Permission>(["study:read", "segments:read", "segments:name", "persona:write", "persona:read"]),
  viewer: new Set<Permission>(["study:read", "segments:read", "persona:read"]),
};

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[role].has(permission);
}

/** Rank used so nobody can hand out a role above their own (invitations, API keys). */
const RANK: Record<Role, number> = { owner: 4, admin: 3, researcher: 2, facilitator: 1, viewer: 0 };

export function canGrant(granter: Role, role: Role): boolean {
  return can(granter, "members:manage") && RANK[role] <= RANK[granter];
}

/** The lower of two roles: what an API key may do when its creator's role has changed. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Every role ranked above this one (what a member demoted to it may no longer hand out). */
export function rolesAbove(role: Role): Role[] {
  return ROLES.filter((other) => RANK[other] > RANK[role]);
}
