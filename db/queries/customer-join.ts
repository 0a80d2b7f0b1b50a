import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * The one rule for joining respondents to customer data by customer id. A response's id is joinable
 * unless the study's customer-metric settings say "join only signed personal links"
 * (`joinVerifiedOnly`, see lib/customers/metrics/schemas.ts) and the id is unverified, i.e. it came
 * from a public link's URL or the public API rather than a signed personal-link token. Every join
 * (metrics on respondents, descriptors, rule-based solutions, segment KPIs, the join report) adds this
 * condition, so the setting is read in SQL where the join happens and takes effect at once.
 */

type StudyKey = { workspaceId: string; studyId: string };
type SnapshotKey = { workspaceId: string; snapshotId: string };

/** Whether the study joins only verified customer ids (false without settings). */
export function verifiedOnlyOfStudy(params: StudyKey): SQL<boolean> {
  return sql<boolean>`coalesce((select (cms.settings ->> 'joinVerifiedOnly')::boolean from customer_metric_settings cms
    where cms.study_id = ${params.studyId}::uuid and cms.workspace_id = ${params.workspaceId}::uuid), false)`;
}

/** The same, for the study a metric snapshot belongs to. */
export function verifiedOnlyOfSnapshot(params: SnapshotKey): SQL<boolean> {
  return sql<boolean>`coalesce((select (cms.settings ->> 'joinVerifiedOnly')::boolean from customer_metric_snapshots sn
    join customer_metric_settings cms on cms.study_id = sn.study_id and cms.workspace_id = sn.workspace_id
    where sn.id = ${params.snapshotId}::uuid and sn.workspace_id = ${params.workspaceId}::uuid), false)`;
}

/** Join condition on a response's verified flag: `verified` is the response's customer_id_verified column. */
export function joinableCustomerId(verified: AnyColumn | SQL, verifiedOnly: SQL<boolean>): SQL {
  return sql`(${verified} or not ${verifiedOnly})`;
}
