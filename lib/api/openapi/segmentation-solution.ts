import { MIN_GROUP_SIZE } from "@/lib/segmentation/solution/descriptors";
import { RULE_BASED_METHODS } from "@/lib/segmentation/solution/schemas";
import { jsonContent, standardErrors, uuidParam } from "./components";

/** Operations on a saved solution: descriptors, comparison, assigning later respondents, rule-based solutions. */

const nullableNumber = { type: ["number", "null"] } as const;
const numbers = { type: "array", items: { type: "number" } } as const;

const test = {
  type: ["object", "null"],
  description: "Null when the variable cannot be tested (one category or group with data)",
  properties: {
    name: { type: "string", enum: ["chi_square", "anova", "kruskal_wallis"] },
    reason: {
      type: "string",
      enum: ["categories", "ordinal", "skewed", "symmetric"],
      description: "Categories → chi-square; ordinal scales (ratings, Likert items, NPS) and skewed numbers (|skewness| > 1) → Kruskal–Wallis; otherwise ANOVA",
    },
    statistic: { type: "number" },
    df: numbers,
    pValue: { type: "number" },
    effect: { type: "object", properties: { name: { type: "string", enum: ["cramers_v", "eta_squared", "epsilon_squared"] }, value: { type: "number" } } },
    skewness: { type: "number" },
  },
};

const cell = {
  type: "object",
  description: `Hidden (values null) when fewer than ${MIN_GROUP_SIZE} respondents have a value`,
  properties: {
    n: { type: "integer" },
    hidden: { type: "boolean" },
    shares: { type: ["array", "null"], items: { type: "number" }, description: "Categorical: share per category, in the order of `categories`" },
    mean: nullableNumber,
    median: nullableNumber,
    sd: nullableNumber,
  },
};

const descriptor = {
  type: "object",
  properties: {
    id: { type: "string", description: "Question id (with .row for battery statements) or customer.<metric>" },
    label: { type: "string" },
    source: { type: "string", enum: ["survey", "customer"] },
    kind: { type: "string", enum: ["categorical", "numeric"] },
    scale: { type: "string", enum: ["ordinal", "interval"] },
    categories: { type: "array", items: { type: "object", properties: { key: { type: "string" }, label: { type: "string" } } } },
    total: cell,
    segments: { type: "array", items: cell },
    test,
  },
};

const kpis = {
  type: "object",
  properties: {
    size: { type: "integer" },
    share: { type: "number" },
    matched: { type: "integer", description: "Respondents matched to a customer of the latest metric snapshot" },
    ltv: { ...nullableNumber, description: "Mean total spend of matched customers" },
    churnRate: nullableNumber,
    nps: { ...nullableNumber, description: "% promoters (9–10) − % detractors (0–6) on the first NPS question" },
    npsN: { type: "integer" },
    rfmMix: { type: ["array", "null"], items: { type: "object", properties: { key: { type: "string" }, share: { type: "number" } } } },
    hidden: { type: "object", additionalProperties: { type: "boolean" } },
  },
};

export const paths = {
  "/api/v1/segmentations/{segmentationId}/descriptors": {
    parameters: [uuidParam("segmentationId")],
    get: {
      summary: "Descriptor tables and per-segment KPIs of a saved solution",
      tags: ["Segmentations"],
      description: `Needs segments:read. Every other question of the respondents' surveys and, where respondents match customers, the latest customer-metric snapshot. Aggregates only; groups under ${MIN_GROUP_SIZE} are hidden.`,
      responses: {
        "200": {
          description: "Descriptors",
          content: jsonContent({
            type: "object",
            properties: {
              segmentationId: { type: "string", format: "uuid" },
              segments: { type: "array", items: { type: "string" } },
              assignedCount: { type: "integer" },
              matchedCount: { type: "integer" },
              snapshot: { type: ["object", "null"], properties: { id: { type: "string" }, referenceDate: { type: "string", format: "date" }, computedAt: { type: "string", format: "date-time" } } },
              minGroupSize: { type: "integer" },
              descriptors: { type: "array", items: descriptor },
              kpis: { type: "object", properties: { segments: { type: "array", items: kpis }, total: kpis } },
            },
          }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/segmentations/{segmentationId}/compare/{otherId}": {
    parameters: [uuidParam("segmentationId"), { ...uuidParam("otherId"), description: "Another saved solution of the same study (or the same one)" }],
    get: {
      summary: "Compare two saved solutions: cross-tab and adjusted Rand index",
      tags: ["Segmentations"],
      description: "Needs segments:read. Counts the responses assigned in both solutions.",
      responses: {
        "200": {
          description: "Comparison",
          content: jsonContent({
            type: "object",
            properties: {
              other: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, method: { type: "string" }, k: { type: "integer" } } },
              rows: { type: "array", items: { type: "string" }, description: "This solution's segments" },
              columns: { type: "array", items: { type: "string" }, description: "The other solution's segments" },
              table: { type: "array", items: { type: "array", items: { type: "integer" } } },
              common: { type: "integer" },
              ari: nullableNumber,
            },
          }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/segmentations/{segmentationId}/assignments": {
    parameters: [uuidParam("segmentationId")],
    post: {
      summary: "Assign new respondents to a saved k-means solution",
      tags: ["Segmentations"],
      description:
        "Needs analysis:run. Complete responses of the solution's survey that it does not hold yet are placed in the segment of the nearest saved centroid, after the solution's own preprocessing (stored standardisation). The solution is unchanged; new assignments carry their time (`assignedAt` in membership). Rule-based solutions are refused (422).",
      responses: {
        "200": {
          description: "What was placed",
          content: jsonContent({
            type: "object",
            properties: { assigned: { type: "integer" }, assignedBySegment: { type: "array", items: { type: "integer" } }, incomplete: { type: "integer", description: "Unplaced responses missing a basis variable" } },
          }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/studies/{studyId}/segmentations/rule-based": {
    parameters: [uuidParam("studyId")],
    post: {
      summary: "Save RFM named segments or engagement tiers as a solution",
      tags: ["Segmentations"],
      description:
        "Needs analysis:run. Uses the study's latest customer-metric snapshot: segments are the named groups (largest first), members the study's complete responses whose customer id is in the snapshot, and the profile the groups' mean R, F and M scores (1–5). Personas can then be built on it.",
      requestBody: {
        required: true,
        content: jsonContent({
          type: "object",
          required: ["method"],
          properties: { method: { type: "string", enum: RULE_BASED_METHODS }, name: { type: "string", maxLength: 120, description: "Defaults to e.g. \"RFM segments · 2026-01-01\"" } },
        }),
      },
      responses: { "201": { description: "The saved solution (same shape as GET /segmentations/{id})" }, ...standardErrors },
    },
  },
};
