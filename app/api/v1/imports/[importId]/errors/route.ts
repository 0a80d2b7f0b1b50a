// The bad rows an import kept (the first ones; all are counted by reason) as CSV (line, reason, raw line), formula-like cells escaped.
import { getDataImport } from "@/db/queries/data-imports";
import { apiRoute } from "@/lib/auth/api-route";
import { importErrorsResponse } from "@/lib/customers/import/error-report";
import { AppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { isUuid } from "@/lib/ids";

export const GET = apiRoute<{ importId: string }>({ permission: "customers:read" }, async (ctx, { params }) => {
  const key = { workspaceId: ctx.workspace.id, importId: params.importId };
  const record = isUuid(params.importId) ? await getDataImport(ctx.db, key) : undefined;
  if (!record) throw new AppError("not_found", "Import not found.");
  // The reader's language (their cookie in the app, Accept-Language for API clients), else English.
  const { t } = await getTranslator();
  return importErrorsResponse(ctx.db, key, record.fileName, t);
});
