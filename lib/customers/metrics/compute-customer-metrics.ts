import type { Database } from "@/db/client";
import { getMetricSettings, writeMetricSnapshot } from "@/db/queries/customer-metrics";
import { readStoredSettings } from "./schemas";

/**
 * Recomputes one study's customer metrics from the workspace's customer data with the study's
 * settings, as a new snapshot. The reference date is the study's setting or, left empty, the day
 * after the last transaction that survives cleaning (today when there is no data yet).
 */
export async function computeCustomerMetrics(db: Database, params: { workspaceId: string; studyId: string }) {
  const settings = readStoredSettings(await getMetricSettings(db, params));
  return writeMetricSnapshot(db, {
    ...params,
    settings: settings as unknown as Record<string, unknown>,
    computation: settings,
  });
}
