// A survey's contact list: POST a JSON array of contacts, {"csv": "..."}, or CSV text (Content-Type: text/csv).
import { apiRoute } from "@/lib/auth/api-route";
import { importContacts } from "@/lib/distribution/import-contacts";
import { ZApiContactsBody } from "@/lib/distribution/schemas";
import { AppError } from "@/lib/errors";

const MAX_BYTES = 5_000_000;

async function readBody(request: Request): Promise<{ csv: string } | { objects: Record<string, string | number | null>[] }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BYTES) throw new AppError("too_large", `The request body is larger than ${MAX_BYTES} bytes.`);
  if (/text\/(csv|plain)/i.test(request.headers.get("content-type") ?? "")) return { csv: text };
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
