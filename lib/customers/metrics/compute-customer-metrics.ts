import type { Database } from "@/db/client";
import { getMetricSettings, writeMetricSnapshot } from "@/db/queries/customer-metrics";
import { refreshPlannerStatistics } from "@/db/queries/planner-statistics";
import { readStoredSettings } from "./schemas";

/**
 * Recomputes one study's customer metrics from the workspace's customer data with the study's
 * settings, as a new snapshot. The reference date is the study's setting or, left empty, the day
 * after the last transaction that survives cleaning (today when there is no data yet).
 */
export async function computeCustomerMetrics(db: Database, params: { workspaceId: string; studyId: string }) {
  const settings = readStoredSettings(await getMetricSettings(db, params));
  const written = await writeMetricSnapshot(db, {
    ...params,
    settings: settings as unknown as Record<string, unknown>,
    computation: settings,
  });
  // The Customers tab joins the new snapshot to the study's responses right away.
  await refreshPlannerStatistics(db, ["customer_metrics", "responses"]);
  return written;
}
