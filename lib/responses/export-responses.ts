import type { Database } from "@/db/client";
import { exportResponseBatches, refreshSpeederFlags, type ExportRow } from "@/db/queries/response-list";
import { findSurvey, listVersionDefinitions } from "@/db/queries/surveys";
import { AppError } from "@/lib/errors";
import type { SurveyDefinition } from "@/lib/surveys/definition";
import { maxDiffSetsOf, type MaxDiffQuestion } from "@/lib/surveys/maxdiff-question";
import { csvLine, type CsvValue } from "./csv";
import { CODEBOOK_HEADER, codebookRows, exportColumns, type ExportOptions } from "./export-columns";
import type { MaxDiffSetsOf } from "./maxdiff-export-columns";
import type { TExportQuery, TResponseListFilters } from "./schemas";

// customer_id_verified: 1 when the id came from a signed personal link, 0 when from a public link's URL
// or the public API (anyone could have sent it), empty without an id.
const META_COLUMNS = ["response_id", "status", "customer_id", "customer_id_verified", "language", "channel", "started_at", "completed_at", "duration_ms", "flags"] as const;

function metaValues(row: ExportRow): CsvValue[] {
  const verified = row.customerId === null ? null : row.customerIdVerified;
  return [row.id, row.status, row.customerId, verified, row.language, row.channel, row.startedAt?.toISOString(), row.completedAt?.toISOString(), row.durationMs, row.flags.join(" ")];
}

export type ResponseExport = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/** Pulls one batch per read, so a slow client holds back the database instead of filling memory. */
function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* csvChunks(db: Database, scope: Scope, definition: SurveyDefinition, labels: boolean, options: ExportOptions) {
  const columns = exportColumns(definition, options);
  yield csvLine([...META_COLUMNS, ...columns.map((column) => column.name)]);
  for await (const batch of exportResponseBatches(db, scope)) {
    yield batch.map((row) => csvLine([...metaValues(row), ...columns.map((column) => column.read(row.answers[column.questionId], labels, row))])).join("");
  }
}

async function* jsonChunks(db: Database, scope: Scope, definition: SurveyDefinition, labels: boolean, options: ExportOptions) {
  const columns = exportColumns(definition, options);
  yield `{"surveyId":${JSON.stringify(scope.surveyId)},"labels":${labels},"responses":[`;
  let first = true;
  for await (const batch of exportResponseBatches(db, scope)) {
    const items = batch.map((row) => {
      const values = Object.fromEntries(columns.map((column) => [column.name, column.read(row.answers[column.questionId], labels, row) ?? null]));
      const { answers, ...meta } = row;
      return JSON.stringify({ ...meta, customerIdVerified: row.customerId !== null && row.customerIdVerified, values, answers });
    });
    yield (first ? "" : ",") + items.join(",");
    first = false;
  }
  yield "]}";
}

async function* codebookChunks(definition: SurveyDefinition, options: ExportOptions) {
  yield csvLine(CODEBOOK_HEADER);
  yield codebookRows(definition, options).map(csvLine).join("");
}

/**
 * MaxDiff sets per survey version, so each response is scored on the design it answered (an
 * edited MaxDiff question has a new design). Read only when the survey has a MaxDiff question.
 */
async function maxDiffSetsByVersion(db: Database, scope: { workspaceId: string; surveyId: string }, definition: SurveyDefinition): Promise<MaxDiffSetsOf | undefined> {
  if (!definition.questions.some((question) => question.type === "maxdiff")) return undefined;
  const versions = new Map((await listVersionDefinitions(db, scope)).map((version) => [version.id, version.definition]));
  return (questionId, versionId) => {
    const question = versionId ? versions.get(versionId)?.questions.find((q): q is MaxDiffQuestion => q.id === questionId && q.type === "maxdiff") : undefined;
    return question ? maxDiffSetsOf(question) : undefined;
  };
}

type Scope = { workspaceId: string; surveyId: string; filters?: TResponseListFilters; batchSize?: number };

/**
 * A survey's responses as CSV (one row per respondent, codes or labels), JSON, or the codebook,
 * streamed from the database in keyset batches. Columns follow the current published version.
 */
export async function exportResponses(db: Database, params: Scope & { query: TExportQuery }): Promise<ResponseExport> {
  const survey = await findSurvey(db, params);
  if (!survey) throw new AppError("not_found", "Survey not found.");
  const definition = survey.publishedDefinition ?? survey.definition;
  await refreshSpeederFlags(db, params);
  const scope: Scope = { workspaceId: params.workspaceId, surveyId: survey.id, filters: params.filters, batchSize: params.batchSize };
  const { format, labels, lang } = params.query;
  const base = `responses-${survey.id.slice(0, 8)}`;
  const options: ExportOptions = { language: lang };
  if (format === "codebook") return { filename: `${base}-codebook.csv`, contentType: "text/csv; charset=utf-8", body: streamOf(codebookChunks(definition, options)) };
  options.maxDiffSets = await maxDiffSetsByVersion(db, scope, definition);
  if (format === "json") return { filename: `${base}.json`, contentType: "application/json; charset=utf-8", body: streamOf(jsonChunks(db, scope, definition, labels, options)) };
  return { filename: `${base}${labels ? "-labels" : ""}.csv`, contentType: "text/csv; charset=utf-8", body: streamOf(csvChunks(db, scope, definition, labels, options)) };
}

export function exportResponse(result: ResponseExport): Response {
  return new Response(result.body, {
    headers: { "content-type": result.contentType, "content-disposition": `attachment; filename="${result.filename}"`, "cache-control": "no-store" },
  });
}
