// A study's customer-metric settings: read them, or replace them (which queues a recomputation).
import { getMetricSettings } from "@/db/queries/customer-metrics";
import { findStudy } from "@/db/queries/studies";
import { apiRoute } from "@/lib/auth/api-route";
import { saveSettingsAndRecompute } from "@/lib/customers/metrics/request-recompute";
import { readStoredSettings, ZCustomerMetricSettings } from "@/lib/customers/metrics/schemas";
import { AppError } from "@/lib/errors";
import { jobJson } from "@/lib/jobs/job-json";

type Params = { studyId: string };

export const GET = apiRoute<Params>({ permission: "customers:read" }, async (ctx, { params }) => {
  const key = { workspaceId: ctx.workspace.id, studyId: params.studyId };
  if (!(await findStudy(ctx.db, key))) throw new AppError("not_found", "Study not found.");
  return { settings: readStoredSettings(await getMetricSettings(ctx.db, key)) };
});

export const PUT = apiRoute<Params, typeof ZCustomerMetricSettings>(
  { permission: "customers:import", body: ZCustomerMetricSettings },
  async (ctx, { params, body }) => {
    const job = await saveSettingsAndRecompute(ctx.db, { workspaceId: ctx.workspace.id, studyId: params.studyId, userId: ctx.userId, settings: body });
    return Response.json({ settings: body, job: jobJson(job) }, { status: 202 });
  },
);
