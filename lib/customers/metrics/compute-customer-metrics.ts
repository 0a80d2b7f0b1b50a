import type { Database } from "@/db/client";
import { defaultReferenceDate, getMetricSettings, writeMetricSnapshot } from "@/db/queries/customer-metrics";
import { readStoredSettings } from "./schemas";

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Recomputes one study's customer metrics from the workspace's customer data with the study's
 * settings, as a new snapshot. The reference date is the study's setting or, left empty, the day
 * after the last transaction that survives cleaning (today when there is no data yet).
 */
export async function computeCustomerMetrics(db: Database, params: { workspaceId: string; studyId: string }) {
  const settings = readStoredSettings(await getMetricSettings(db, params));
  const referenceDate =
    settings.referenceDate ?? (await defaultReferenceDate(db, { workspaceId: params.workspaceId, cleaning: settings.cleaning })) ?? todayUtc();
  return writeMetricSnapshot(db, {
    ...params,
    settings: settings as unknown as Record<string, unknown>,
    computation: { ...settings, referenceDate },
  });
}
