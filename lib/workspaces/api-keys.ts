import type { Database } from "@/db/client";
import { findActiveApiKey, insertApiKey, touchApiKey } from "@/db/queries/api-keys";
import { canGrant, type Role } from "@/lib/auth/roles";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";

const KEY_PREFIX = "nsk_";

/** Returns the full key once; afterwards only its prefix is shown. */
export async function createApiKey(
  db: Database,
  params: { workspaceId: string; creatorId: string; creatorRole: Role; name: string; role: Role },
) {
  if (!canGrant(params.creatorRole, params.role)) {
    throw new AppError("forbidden", "An API key cannot have a role above your own.");
  }
  const key = `${KEY_PREFIX}${newToken(30)}`;
  const row = await insertApiKey(db, {
    workspaceId: params.workspaceId,
    name: params.name,
    role: params.role,
    prefix: key.slice(0, 10),
    keyHash: hashToken(key),
    createdBy: params.creatorId,
  });
  return { id: row.id, key };
}

export async function authenticateApiKey(db: Database, key: string) {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const found = await findActiveApiKey(db, { keyHash: hashToken(key) });
  if (found) await touchApiKey(db, { apiKeyId: found.id, now: new Date() });
  return found;
}
