import type { Database } from "@/db/client";
import { findSurveyVersionDefinition } from "@/db/queries/surveys";
import { answersSchema } from "./answers";
import type { SurveyDefinition } from "./definition";

/**
 * Published survey versions never change (an edit publishes a new version), so each process may
 * keep a version's parsed definition and compiled answers schema: the submit path then neither
 * re-reads the definition jsonb nor rebuilds the zod schema per request. Safe with any number of
 * instances, as nothing cached can go stale. Bounded, least recently used out first.
 */
export type CompiledVersion = { definition: SurveyDefinition; schema: ReturnType<typeof answersSchema> };

const MAX_ENTRIES = 256;
const cache = new Map<string, CompiledVersion>();

export function compileVersion(definition: SurveyDefinition): CompiledVersion {
  return { definition, schema: answersSchema(definition) };
}

export async function compiledVersion(db: Database, params: { workspaceId: string; versionId: string }): Promise<CompiledVersion | undefined> {
  const key = `${params.workspaceId}/${params.versionId}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-insert to mark as most recently used (Map keeps insertion order).
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const definition = await findSurveyVersionDefinition(db, params);
  if (!definition) return undefined;
  const compiled = compileVersion(definition);
  cache.set(key, compiled);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return compiled;
}

/**
 * Which version a public survey was last seen publishing, per process. Only a hint: the submit
 * statement re-checks it in the database (lib/surveys/submit-response.ts), so a stale hint after a
 * new publish or a close costs one slower submit and is then replaced. Safe with many instances.
 */
export type VersionHint = { workspaceId: string; versionId: string };

const hints = new Map<string, VersionHint>();

export function versionHint(publicId: string): VersionHint | undefined {
  return hints.get(publicId);
}

export function rememberVersionHint(publicId: string, hint: VersionHint | undefined): void {
  if (!hint) return void hints.delete(publicId);
  if (!hints.has(publicId) && hints.size >= MAX_ENTRIES) hints.delete(hints.keys().next().value!);
  hints.set(publicId, hint);
}
