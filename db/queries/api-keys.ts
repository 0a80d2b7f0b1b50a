import { and, desc, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { apiKeys, members, workspaces } from "../schema";
import type { Role } from "@/lib/auth/roles";

/** Why a key stopped working: revoked by hand, or with its creator's removal or demotion. */
export type RevocationReason = "manual" | "creator_removed" | "creator_demoted";

export async function insertApiKey(
  db: Database,
  params: { workspaceId: string; name: string; role: Role; prefix: string; keyHash: string; createdBy: string },
) {
  const [row] = await db.insert(apiKeys).values(params).returning({ id: apiKeys.id, createdAt: apiKeys.createdAt });
  return row!;
}

export async function listApiKeys(db: Database, params: { workspaceId: string }) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, params.workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

/** Keys revoked since a moment, newest first, with why (for the members page). */
export async function listRevokedApiKeys(db: Database, params: { workspaceId: string; since: Date; limit: number }) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      revokedAt: apiKeys.revokedAt,
      revokedReason: apiKeys.revokedReason,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, params.workspaceId), isNotNull(apiKeys.revokedAt), gte(apiKeys.revokedAt, params.since)))
    .orderBy(desc(apiKeys.revokedAt))
    .limit(params.limit);
}

/**
 * An unrevoked key by its hash, with its creator's *current* role in the key's workspace
 * (null when the creator is no longer a member): the caller caps the key's role with it.
 */
export async function findActiveApiKey(db: Database, params: { keyHash: string }) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      role: apiKeys.role,
      creatorRole: members.role,
      workspaceId: workspaces.id,
      workspaceSlug: workspaces.slug,
      workspaceName: workspaces.name,
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .leftJoin(members, and(eq(members.workspaceId, apiKeys.workspaceId), eq(members.userId, apiKeys.createdBy)))
    .where(and(eq(apiKeys.keyHash, params.keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

export async function touchApiKey(db: Database, params: { apiKeyId: string; now: Date }) {
  await db.update(apiKeys).set({ lastUsedAt: params.now }).where(eq(apiKeys.id, params.apiKeyId));
}

export async function revokeApiKey(db: Database, params: { workspaceId: string; apiKeyId: string; now: Date }) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: params.now, revokedReason: "manual" satisfies RevocationReason })
    .where(and(eq(apiKeys.workspaceId, params.workspaceId), eq(apiKeys.id, params.apiKeyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/**
 * Revokes the unrevoked keys a member created in the workspace: all of them, or only those with one
 * of `roles` (the roles above a demoted member's new role). Returns how many were revoked.
 */
export async function revokeApiKeysOfCreator(
  db: Database,
  params: { workspaceId: string; creatorId: string; reason: RevocationReason; now: Date; roles?: Role[] },
) {
  if (params.roles?.length === 0) return 0;
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: params.now, revokedReason: params.reason })
    .where(
      and(
        eq(apiKeys.workspaceId, params.workspaceId),
        eq(apiKeys.createdBy, params.creatorId),
        isNull(apiKeys.revokedAt),
        params.roles ? inArray(apiKeys.role, params.roles) : undefined,
      ),
    )
    .returning({ id: apiKeys.id });
  return rows.length;
}
