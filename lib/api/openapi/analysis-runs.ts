import { MAX_RESTARTS, MAX_SEED, MAX_SEGMENTS, MIN_SEGMENTS } from "@/lib/segmentation/schemas";
import { MAX_BOOTSTRAPS, MAX_VARIABLES } from "@/lib/segmentation/dataset/schemas";
import { errorResponse, jsonContent, standardErrors, uuidParam } from "./components";

const numbers = { type: "array", items: { type: "number" } } as const;
const variableIds = { type: "array", maxItems: MAX_VARIABLES, items: { type: "string" } } as const;

const startInput = {
  type: "object",
  required: ["surveyId", "basis"],
  properties: {
    surveyId: { type: "string", format: "uuid", description: "A published (or closed) survey of the study: its complete responses are the rows" },
    basis: {
      ...variableIds,
      minItems: 1,
      description:
        "Variables k-means is run on. Ids: `<question>.<statement>` (Likert battery), `<question>` (Likert item, rating, NPS, numeric, single choice → one-hot), `<question>.<item>` (constant-sum share, MaxDiff individual score), `<question>.<option>` (multiple choice 0/1), `customer:<metric>` (latest customer metrics: recencyDays, frequency, monetary, recencyScore, frequencyScore, monetaryScore, averageOrderValue, arpu, churned, rfmSegment, engagementTier)",
    },
    descriptors: { ...variableIds, default: [], description: "Variables kept to describe segments, never clustered; none may also be a basis variable" },
    scaling: { type: "string", enum: ["raw", "standardise"], default: "raw" },
    missing: { type: "string", enum: ["drop", "impute"], default: "drop", description: "Drop responses with a missing basis value, or impute the mean (most frequent category)" },
    excludeFlagged: { type: "boolean", default: false, description: "Leave out responses with quality flags" },
    kMin: { type: "integer", minimum: MIN_SEGMENTS, maximum: MAX_SEGMENTS, default: MIN_SEGMENTS },
    kMax: { type: "integer", minimum: MIN_SEGMENTS, maximum: MAX_SEGMENTS, default: MAX_SEGMENTS },
    restarts: { type: "integer", minimum: 1, maximum: MAX_RESTARTS, default: 10, description: "k-means++ starts per k; the lowest within-SS is kept" },
    bootstraps: { type: "integer", minimum: 2, maximum: MAX_BOOTSTRAPS, default: 100, description: "Bootstrap pairs per k for global (ARI) and segment-level (Jaccard) stability" },
    seed: { type: "integer", minimum: 0, maximum: MAX_SEED, default: 1 },
    name: { type: "string", maxLength: 120 },
  },
};

const spread = { type: ["object", "null"], properties: { min: { type: "number" }, q1: { type: "number" }, median: { type: "number" }, q3: { type: "number" }, max: { type: "number" } } };

const results = {
  type: ["object", "null"],
  description: "Null until the sweep has succeeded; a cancelled or failed run has none",
  properties: {
    version: { type: "integer", enum: [2] },
    settings: { type: "object", description: "The sweep's resolved options (k range, restarts, bootstraps, seed, silhouette sample, iterations); saving a k re-fits with them" },
    respondentCount: { type: "integer" },
    columns: { type: "array", items: { type: "object", properties: { id: { type: "string" }, label: { type: "string" } } }, description: "Basis columns as clustered (categories one-hot as `<variable>=<value>`)" },
    counts: { type: "object", properties: { loaded: { type: "integer" }, dropped: { type: "integer" }, imputedValues: { type: "integer" }, imputedRows: { type: "integer" } } },
    ks: {
      type: "array",
      items: {
        type: "object",
        properties: {
          k: { type: "integer" },
          withinSS: { type: "number" },
          silhouette: { type: ["number", "null"], description: "Mean silhouette, on a 2,000-row sample for larger n" },
          ari: { ...numbers, description: "Adjusted Rand index of every bootstrap pair" },
          ariSpread: spread,
          segments: {
            type: "array",
            items: { type: "object", properties: { size: { type: "integer" }, share: { type: "number" }, means: numbers, jaccardMedian: { type: ["number", "null"] }, jaccardMean: { type: ["number", "null"] } } },
          },
          totalMeans: numbers,
        },
      },
    },
    recommendation: {
      type: ["object", "null"],
      description:
        "lib/analysis recommendK: candidates within 0.05 median ARI of the most stable k; the within-SS elbow among them, else the best silhouette. Reasons are codes with numbers, for wording in any language.",
      properties: {
        k: { type: "integer" },
        medianAri: { type: ["number", "null"] },
        silhouette: { type: ["number", "null"] },
        totalWithinSS: { type: "number" },
        candidates: { type: "array", items: { type: "integer" } },
        elbowK: { type: ["integer", "null"] },
        reasons: {
          type: "array",
          items: {
            type: "object",
            properties: {
              code: {
                type: "string",
                enum: ["most-stable", "near-most-stable", "no-stable-solution", "stability-not-measured", "elbow", "elbow-elsewhere", "best-silhouette", "silhouette", "unstable-segments"],
              },
              level: { type: "string", enum: ["excellent", "good", "moderate", "poor"], description: "Steinley's ARI bands" },
            },
            required: ["code"],
          },
        },
      },
    },
  },
};

const run = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    studyId: { type: "string", format: "uuid" },
    name: { type: "string" },
    status: { type: "string", enum: ["queued", "running", "succeeded", "failed", "cancelled"] },
    error: { type: ["string", "null"] },
    jobId: { type: ["string", "null"], format: "uuid", description: "Poll /api/v1/jobs/{jobId} for progress; cancel there" },
    config: startInput,
    respondentCount: { type: ["integer", "null"] },
    dataFingerprint: { type: ["string", "null"], description: "SHA-256 of the analysis matrix (response ids and values)" },
    createdAt: { type: "string", format: "date-time" },
    results,
  },
};

export const paths = {
  "/api/v1/studies/{studyId}/analysis-runs": {
    parameters: [uuidParam("studyId")],
    get: {
      summary: "List a study's analysis runs (k sweeps)",
      tags: ["Segmentations"],
      description: "Needs segments:read.",
      responses: {
        "200": {
          description: "Runs, newest first",
          content: jsonContent({
            type: "object",
            properties: {
              analysisRuns: {
                type: "array",
                items: { type: "object", properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, status: { type: "string" }, kMin: { type: "integer" }, kMax: { type: "integer" }, respondentCount: { type: ["integer", "null"] }, createdAt: { type: "string", format: "date-time" } } },
              },
            },
          }),
        },
        ...standardErrors,
      },
    },
    post: {
      summary: "Start a k sweep as a background job",
      tags: ["Segmentations"],
      description:
        "Needs analysis:run. Checks and fingerprints the dataset now, then runs k-means (k-means++, `restarts` starts per k), silhouette and bootstrap stability for every k in kMin..kMax in worker threads. Follow the job, then read the run.",
      requestBody: { required: true, content: jsonContent(startInput) },
      responses: { "202": { description: "The queued run", content: jsonContent(run) }, ...standardErrors },
    },
  },
  "/api/v1/analysis-runs/{runId}": {
    parameters: [uuidParam("runId")],
    get: {
      summary: "An analysis run: status and per-k results",
      tags: ["Segmentations"],
      description: "Needs segments:read. Summaries only: no respondent-level data.",
      responses: { "200": { description: "The run", content: jsonContent(run) }, ...standardErrors },
    },
  },
  "/api/v1/analysis-runs/{runId}/solutions": {
    parameters: [uuidParam("runId")],
    post: {
      summary: "Save the chosen k of a finished run as a solution",
      tags: ["Segmentations"],
      description:
        "Needs analysis:run. Reloads the data, which must still have the run's fingerprint (409 otherwise), re-fits k-means from the run's seed (the run's solution for that k) and stores the solution with every response's assignment. Solutions are immutable.",
      requestBody: {
        required: true,
        content: jsonContent({ type: "object", required: ["k"], properties: { k: { type: "integer", minimum: MIN_SEGMENTS, maximum: MAX_SEGMENTS }, name: { type: "string", maxLength: 120 } } }),
      },
      responses: { "201": { description: "The saved solution (as GET /api/v1/segmentations/{id})" }, "409": errorResponse, ...standardErrors },
    },
  },
};
