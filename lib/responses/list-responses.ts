import type { Database } from "@/db/client";
import { countResponsesFiltered, listResponseChannels, listResponsesFiltered, refreshSpeederFlags } from "@/db/queries/response-list";
import type { TResponseListQuery } from "./schemas";

/**
 * One page of the response list with the filter's options. Speeder flags are brought up to
 * date first (one SQL statement), since every new complete response moves the median.
 */
export async function listResponses(db: Database, params: { workspaceId: string; surveyId: string; query: TResponseListQuery }) {
  const { query } = params;
  const scope = { workspaceId: params.workspaceId, surveyId: params.surveyId };
  const medianDurationMs = await refreshSpeederFlags(db, scope);
  const filters = { status: query.status, channel: query.channel, language: query.language, flag: query.flag };
  const [rows, total, channels] = await Promise.all([
    listResponsesFiltered(db, { ...scope, filters, after: query.after, limit: query.limit }),
    countResponsesFiltered(db, { ...scope, filters }),
    listResponseChannels(db, scope),
  ]);
  return { rows, total, channels, medianDurationMs, nextCursor: rows.length === query.limit ? rows[rows.length - 1]!.id : undefined };
}
