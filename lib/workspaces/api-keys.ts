import type { Database } from "@/db/client";
import { findActiveApiKey, insertApiKey, touchApiKey } from "@/db/queries/api-keys";
import { canGrant, lowerRole, type Role } from "@/lib/auth/roles";
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

/**
 * The key's workspace and the role it acts with: the lower of the key's own role and its creator's
 * *current* role there. Undefined for an unknown or revoked key; a 401 when its creator is no longer a
 * member (keys are also revoked when that happens, see members.ts; this check holds even for keys
 * whose creator left before that rule existed).
 */
export async function authenticateApiKey(db: Database, key: string) {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const found = await findActiveApiKey(db, { keyHash: hashToken(key) });
  if (!found) return undefined;
  if (!found.creatorRole) throw new AppError("unauthorized", "This API key no longer works: the key's creator is no longer a member of the workspace.");
  await touchApiKey(db, { apiKeyId: found.id, now: new Date() });
  const { creatorRole, ...apiKey } = found;
  return { ...apiKey, keyRole: found.role, role: lowerRole(found.role, creatorRole) };
}
