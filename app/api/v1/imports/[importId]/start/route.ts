// Confirms an upload's mapping and options and queues the import job (the same schema as the mapping form).
import { apiRoute } from "@/lib/auth/api-route";
import { importJson } from "@/lib/customers/import/import-json";
import { ZStartImportInput } from "@/lib/customers/import/schemas";
import { startImport } from "@/lib/customers/import/start-import";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { kickJobRunner } from "@/lib/jobs/job-runner";

export const POST = apiRoute<{ importId: string }, typeof ZStartImportInput>({ permission: "customers:import", body: ZStartImportInput }, async (ctx, { params, body }) => {
  if (!isUuid(params.importId)) throw new AppError("not_found", "Import not found.");
  const record = await startImport(ctx.db, { workspaceId: ctx.workspace.id, importId: params.importId, input: body, userId: ctx.userId });
  kickJobRunner();
  return importJson(record);
});
