import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { apiKeys, workspaces } from "../schema";
import type { Role } from "@/lib/auth/roles";

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

export async function findActiveApiKey(db: Database, params: { keyHash: string }) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      role: apiKeys.role,
      workspaceId: workspaces.id,
      workspaceSlug: workspaces.slug,
      workspaceName: workspaces.name,
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.keyHash, params.keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

export async function touchApiKey(db: Database, params: { apiKeyId: string; now: Date }) {
  await db.update(apiKeys).set({ lastUsedAt: params.now }).where(eq(apiKeys.id, params.apiKeyId));
}

export async function revokeApiKey(db: Database, params: { workspaceId: string; apiKeyId: string; now: Date }) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: params.now })
    .where(and(eq(apiKeys.workspaceId, params.workspaceId), eq(apiKeys.id, params.apiKeyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
