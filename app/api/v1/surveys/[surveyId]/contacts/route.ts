// A survey's contact list: POST a JSON array of contacts, {"csv": "..."}, or CSV text (Content-Type: text/csv).
import { apiRoute } from "@/lib/auth/api-route";
import { importContacts } from "@/lib/distribution/import-contacts";
import { ZApiContactsBody } from "@/lib/distribution/schemas";
import { AppError } from "@/lib/errors";
import { isJsonContentType, mediaType, readLimitedText } from "@/lib/http/read-limited-body";

const MAX_BYTES = 5_000_000;
const CSV_TYPES = new Set(["text/csv", "text/plain"]);

async function readBody(request: Request): Promise<{ csv: string } | { objects: Record<string, string | number | null>[] }> {
  // The type decides before a byte is read: anything but JSON or CSV text (a form post, say) is refused.
  const contentType = request.headers.get("content-type");
  const csv = CSV_TYPES.has(mediaType(contentType));
  if (!csv && !isJsonContentType(contentType)) {
    await request.body?.cancel().catch(() => {});
    throw new AppError("unsupported_media_type", "Send a JSON array of contacts or {\"csv\": \"...\"} as application/json, or CSV text as text/csv.");
  }
  const text = await readLimitedText(request, MAX_BYTES);
  if (csv) return { csv: text };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Send a JSON array of contacts, {\"csv\": \"...\"}, or CSV text with Content-Type: text/csv.");
  }
  const body = ZApiContactsBody.parse(json);
  return Array.isArray(body) ? { objects: body } : { csv: body.csv };
}

export const POST = apiRoute<{ surveyId: string }>({ permission: "survey:write" }, async (ctx, { params, request }) => {
  const body = await readBody(request);
  return importContacts(ctx.db, { workspaceId: ctx.workspace.id, surveyId: params.surveyId, ...body });
});
