// One import: status, counts, the preview and proposed mapping of its file.
import { getDataImport } from "@/db/queries/data-imports";
import { apiRoute } from "@/lib/auth/api-route";
import { importJson } from "@/lib/customers/import/import-json";
import { withSettledStatus } from "@/lib/customers/import/import-status";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";

export const GET = apiRoute<{ importId: string }>({ permission: "customers:read" }, async (ctx, { params }) => {
  const record = isUuid(params.importId) ? await getDataImport(ctx.db, { workspaceId: ctx.workspace.id, importId: params.importId }) : undefined;
  if (!record) throw new AppError("not_found", "Import not found.");
  return importJson(await withSettledStatus(ctx.db, record));
});
