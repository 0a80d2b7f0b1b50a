"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/access";
import { requestRecompute, saveSettingsAndRecompute } from "@/lib/customers/metrics/request-recompute";
import { ZRecomputeCustomerMetricsInput, ZSaveCustomerMetricSettingsInput } from "@/lib/customers/metrics/schemas";

/** Saves the study's metric settings and queues the recomputation; returns the job to follow. */
export const saveCustomerMetricSettingsAction = workspaceAction(
  { schema: ZSaveCustomerMetricSettingsInput, permission: "customers:import" },
  async (ctx, { studyId, settings }) => {
    const job = await saveSettingsAndRecompute(ctx.db, { workspaceId: ctx.workspace.id, studyId, userId: ctx.userId, settings });
    revalidatePath(`/w/${ctx.workspace.slug}/studies/${studyId}/customers`);
    return { jobId: job.id };
  },
);

export const recomputeCustomerMetricsAction = workspaceAction(
  { schema: ZRecomputeCustomerMetricsInput, permission: "customers:import" },
  async (ctx, { studyId }) => {
    const job = await requestRecompute(ctx.db, { workspaceId: ctx.workspace.id, studyId, userId: ctx.userId });
    return { jobId: job.id };
  },
);
