import { MAX_RESTARTS, MAX_SEED, MAX_SEGMENTS, MIN_SEGMENTS } from "@/lib/segmentation/schemas";
import { jsonContent, standardErrors, uuidParam } from "./components";

const numbers = { type: "array", items: { type: "number" } } as const;

const segmentationListItem = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    studyId: { type: "string", format: "uuid" },
    surveyId: { type: ["string", "null"], format: "uuid", description: "Null for rule-based solutions and multi-survey datasets" },
    name: { type: "string" },
    method: { type: "string", enum: ["kmeans", "rfm_segments", "engagement_tiers"] },
    k: { type: "integer" },
    seed: { type: "integer" },
    restarts: { type: "integer" },
    respondentCount: { type: "integer" },
    createdAt: { type: "string", format: "date-time" },
  },
};

const segment = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    position: { type: "integer", description: "0-based; segments are ordered by size, largest first" },
    name: { type: "string", description: "\"Segment N\" until the team names it" },
    size: { type: "integer" },
    share: { type: "number", description: "size / respondentCount" },
    means: { ...numbers, description: "Mean per basis variable, in the order of `variables`" },
    differences: { ...numbers, description: "Segment mean − total mean per variable" },
    marked: {
      type: "array",
      items: { type: "boolean" },
      description: "Dolnicar's marker rule: difference ≥ 0.25 absolute or ≥ 50 % of the total mean",
    },
  },
};

const segmentation = {
  type: "object",
  properties: {
    ...segmentationListItem.properties,
    surveyTitle: { type: ["string", "null"] },
    withinSS: { type: "number", description: "Total within-cluster sum of squares" },
    sampleSize: {
      type: "object",
      properties: { recommendedMinimum: { type: "integer" }, belowRecommendation: { type: "boolean" } },
      description: "Rule of thumb: at least 100 respondents per basis variable",
    },
    variables: {
      type: "array",
      items: {
        type: "object",
        properties: { id: { type: "string", description: "<question id>.<statement id>" }, label: { type: "string" } },
      },
    },
    totalMeans: numbers,
    centroids: { type: "array", items: numbers, description: "k × variables, in segment order" },
    segments: { type: "array", items: segment },
  },
};

const runInput = {
  type: "object",
  required: ["surveyId", "questionId", "k"],
  properties: {
    surveyId: { type: "string", format: "uuid", description: "A published (or closed) survey of the study" },
    questionId: { type: "string", description: "Id of a Likert battery; its statements are the basis variables" },
    k: { type: "integer", minimum: MIN_SEGMENTS, maximum: MAX_SEGMENTS },
    restarts: { type: "integer", minimum: 1, maximum: MAX_RESTARTS, default: 10 },
    seed: { type: "integer", minimum: 0, maximum: MAX_SEED, default: 1 },
    name: { type: "string", maxLength: 120, description: "Defaults to the battery's text and k" },
  },
};

export const paths = {
  "/api/v1/studies/{studyId}/segmentations": {
    parameters: [uuidParam("studyId")],
    get: {
      summary: "List a study's saved segmentations",
      tags: ["Segmentations"],
      description: "Needs segments:read.",
      responses: {
        "200": { description: "Saved solutions, newest first", content: jsonContent({ type: "object", properties: { segmentations: { type: "array", items: segmentationListItem } } }) },
        ...standardErrors,
      },
    },
    post: {
      summary: "Run k-means on a Likert battery and save the solution",
      tags: ["Segmentations"],
      description:
        "Needs analysis:run. Uses the complete responses that answered every statement; k-means++ with `restarts` starts, the lowest within-SS kept. The same seed gives the same solution. The solution, its segments and every response's assignment are stored together; solutions are immutable.",
      requestBody: { required: true, content: jsonContent(runInput) },
      responses: { "201": { description: "The saved solution", content: jsonContent(segmentation) }, ...standardErrors },
    },
  },
  "/api/v1/segmentations/{segmentationId}": {
    parameters: [uuidParam("segmentationId")],
    get: {
      summary: "A saved segmentation with its segments and profiles",
      tags: ["Segmentations"],
      description: "Needs segments:read. Summaries only: no respondent-level data.",
      responses: { "200": { description: "The solution", content: jsonContent(segmentation) }, ...standardErrors },
    },
  },
  "/api/v1/segmentations/{segmentationId}/membership": {
    parameters: [uuidParam("segmentationId")],
    get: {
      summary: "Segment membership of every response, for CRMs",
      tags: ["Segmentations"],
      description:
        "Needs responses:read (contains customer ids). `?format=csv` gives the same rows as a CSV download (customer_id, response_id, segment, segment_id, solution, assigned_at, assigned_later; formula-escaped).",
      parameters: [{ name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv"], default: "json" } }],
      responses: {
        "200": {
          description: "One row per assigned response, ordered by segment",
          content: jsonContent({
            type: "object",
            properties: {
              segmentationId: { type: "string", format: "uuid" },
              name: { type: "string" },
              members: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    responseId: { type: "string", format: "uuid" },
                    customerId: { type: ["string", "null"] },
                    segmentId: { type: "string", format: "uuid" },
                    segmentName: { type: "string" },
                    assignedAt: { type: "string", format: "date-time", description: "When the solution was fit, or when the response was assigned later" },
                    assignedLater: { type: "boolean", description: "Placed after the fit by nearest centroid" },
                  },
                },
              },
            },
          }),
        },
        ...standardErrors,
      },
    },
  },
};
