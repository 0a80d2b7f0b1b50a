import { jsonContent, standardErrors, uuidParam } from "./components";

const segmentIds = ["champions", "loyal", "potential_loyalist", "new", "promising", "need_attention", "about_to_sleep", "at_risk", "cant_lose", "hibernating", "lost"];
const tiers = ["power", "active", "casual", "dormant"];
const days = (description: string) => ({ type: "integer", minimum: 1, description });

const settings = {
  type: "object",
  description: "Every field is optional on PUT; missing ones take their defaults.",
  properties: {
    referenceDate: { type: ["string", "null"], format: "date", description: "Null: the day after the last transaction that survives cleaning" },
    cleaning: {
      type: "object",
      properties: { excludeCancellations: { type: "boolean" }, excludeNonPositive: { type: "boolean" }, excludeMissingCustomer: { type: "boolean" } },
    },
    scoreMethod: {
      type: "string",
      enum: ["lower", "upper"],
      description: "Tie rule of the 1–5 quintile scores. lower: 1 + ⌊5·(rank−1)/(n−1)⌋ (ties take their lowest position's bucket); upper: ⌈5·(values ≤ v)/n⌉. Recency reversed.",
    },
    rfmMap: { type: "object", description: "All 125 codes 111 … 555 → segment id", additionalProperties: { type: "string", enum: segmentIds } },
    tiers: {
      type: "object",
      properties: {
        powerMinActiveDays: days("Active days in the last 30 for Power"),
        activeMinActiveDays: days("Active days in the last 30 for Active"),
        dormantAfterDays: days("Days without use after which a customer is Dormant"),
      },
    },
    churnDays: days("Churned when the last purchase is more than this many days before the reference date"),
    arpuMonths: days("ARPU period: revenue of the last N months / customers who bought in them / N"),
    joinVerifiedOnly: {
      type: "boolean",
      description:
        "Default false. True: respondents are joined to customers (metrics, descriptors, segment KPIs, rule-based solutions, the join report) only by customer ids from signed personal links, never by an id from a public link's URL or the public API.",
    },
  },
};

const job = { type: "object", description: "The queued customer-metrics job (see /api/v1/jobs/{jobId})", properties: { id: { type: "string", format: "uuid" }, status: { type: "string" } } };

const customer = {
  type: "object",
  properties: {
    customerId: { type: "string" },
    recencyDays: { type: ["integer", "null"] },
    frequency: { type: "integer" },
    monetary: { type: "number" },
    r: { type: ["integer", "null"] },
    f: { type: ["integer", "null"] },
    m: { type: ["integer", "null"] },
    segment: { type: ["string", "null"], enum: [...segmentIds, null] },
    tier: { type: ["string", "null"], enum: [...tiers, null] },
    averageOrderValue: { type: ["number", "null"] },
    arpu: { type: ["number", "null"] },
    firstPurchaseAt: { type: ["string", "null"], format: "date-time" },
    lastPurchaseAt: { type: ["string", "null"], format: "date-time" },
    churned: { type: ["boolean", "null"] },
  },
};

const query = (name: string, description: string, schema: object = { type: "string" }) => ({ name, in: "query", required: false, description, schema });

export const paths = {
  "/api/v1/studies/{studyId}/customers": {
    parameters: [uuidParam("studyId")],
    get: {
      summary: "Customer metrics of a study (latest snapshot) and one page of customers",
      tags: ["Customers"],
      description:
        "Needs customers:read. The latest snapshot (reference date, customers, invoices, revenue, score bands, tier shares, ARPU), its history, named RFM segments, the R × F grid, histograms of R, F and M, the join to the study's respondents, and customers biggest spenders first. Page with `after` = the previous page's `table.nextCursor`.",
      parameters: [
        query("q", "Customer id prefix"),
        query("segment", "Only this RFM segment", { type: "string", enum: segmentIds }),
        query("tier", "Only this engagement tier", { type: "string", enum: tiers }),
        query("after", "Cursor from the previous page"),
        query("limit", "Rows per page (1–500, default 50)", { type: "integer", minimum: 1, maximum: 500 }),
      ],
      responses: {
        "200": {
          description: "Overview; `snapshot` is absent until metrics were computed",
          content: jsonContent({
            type: "object",
            properties: {
              studyId: { type: "string", format: "uuid" },
              settings,
              snapshot: { type: "object" },
              snapshots: { type: "array", items: { type: "object" } },
              pendingJobId: { type: ["string", "null"], format: "uuid" },
              segments: { type: "array", items: { type: "object" } },
              grid: { type: "array", items: { type: "object", properties: { r: { type: "integer" }, f: { type: "integer" }, customers: { type: "integer" }, revenue: { type: "number" }, avgM: { type: "number" } } } },
              histograms: { type: "object" },
              join: {
                type: "object",
                properties: {
                  responses: { type: "integer" },
                  withCustomerId: { type: "integer" },
                  withUnverifiedId: { type: "integer", description: "Of those, ids from a public link's URL or the public API (not signed)" },
                  matched: { type: "integer", description: "Matches the joins use (only verified ones when joinVerifiedOnly)" },
                  matchedVerified: { type: "integer", description: "Matches through signed personal links" },
                  matchedUnverified: { type: "integer", description: "Matches through unverified ids (left out when joinVerifiedOnly)" },
                  verifiedOnly: { type: "boolean" },
                  unmatched: { type: "array", items: { type: "object" } },
                  customersWithoutResponse: { type: "integer" },
                },
              },
              table: { type: "object", properties: { customers: { type: "array", items: customer }, total: { type: "integer" }, nextCursor: { type: ["string", "null"] } } },
            },
          }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/studies/{studyId}/customers/settings": {
    parameters: [uuidParam("studyId")],
    get: {
      summary: "Customer-metric settings of a study",
      tags: ["Customers"],
      description: "Needs customers:read.",
      responses: { "200": { description: "The settings (defaults filled in)", content: jsonContent({ type: "object", properties: { settings } }) }, ...standardErrors },
    },
    put: {
      summary: "Replace the customer-metric settings and recompute",
      tags: ["Customers"],
      description: "Needs customers:import. Validated with the same schema as the settings form; queues a recomputation.",
      requestBody: { required: true, content: jsonContent(settings) },
      responses: { "202": { description: "Saved; recomputation queued", content: jsonContent({ type: "object", properties: { settings, job } }) }, ...standardErrors },
    },
  },
  "/api/v1/studies/{studyId}/customers/recompute": {
    parameters: [uuidParam("studyId")],
    post: {
      summary: "Recompute a study's customer metrics",
      tags: ["Customers"],
      description: "Needs customers:import. Queues a customer-metrics job that writes a new snapshot; poll /api/v1/jobs/{jobId}.",
      responses: { "202": { description: "The queued job", content: jsonContent(job) }, ...standardErrors },
    },
  },
};
