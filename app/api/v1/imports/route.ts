// Customer-data imports: the history (GET) and a new upload (POST, the raw CSV or gzipped CSV file as the body).
import { listDataImports } from "@/db/queries/data-imports";
import { apiRoute } from "@/lib/auth/api-route";
import { importJson } from "@/lib/customers/import/import-json";
import { ZUploadQuery } from "@/lib/customers/import/schemas";
import { receiveUpload } from "@/lib/customers/import/upload";
import { importLimits, importMaxBytes } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isRefusedUploadType } from "@/lib/http/read-limited-body";
import { getTranslator } from "@/lib/i18n/server";

export const GET = apiRoute({ permission: "customers:read" }, async (ctx) => {
  const imports = await listDataImports(ctx.db, { workspaceId: ctx.workspace.id });
  return { imports: imports.map(importJson) };
});

export const POST = apiRoute({ permission: "customers:import" }, async (ctx, { request }) => {
  const search = new URL(request.url).searchParams;
  const query = ZUploadQuery.parse({ kind: search.get("kind") ?? undefined, fileName: search.get("fileName") ?? undefined });
  if (isRefusedUploadType(request.headers.get("content-type"))) {
    await request.body?.cancel().catch(() => {});
    throw new AppError("unsupported_media_type", "Send the file itself as the request body (text/csv, application/gzip or application/octet-stream), not as a form or JSON.");
  }
  const declared = request.headers.get("content-length");
  // A refused header is explained in the reader's language (cookie in the app, Accept-Language for API clients).
  const { t, locale } = await getTranslator();
  const record = await receiveUpload(ctx.db, {
    workspaceId: ctx.workspace.id,
    userId: ctx.userId,
    kind: query.kind,
    fileName: query.fileName,
    body: request.body,
    contentLength: declared === null ? undefined : Number(declared),
    maxBytes: importMaxBytes(),
    maxColumns: importLimits().maxColumns,
    t,
    locale,
  });
  return Response.json(importJson(record), { status: 201 });
});
