import { jsonContent, standardErrors, uuidParam } from "./components";

const job = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    kind: { type: "string", description: "What the job does, e.g. data-import or segmentation-sweep" },
    status: { type: "string", enum: ["queued", "running", "succeeded", "failed", "cancelled"] },
    progress: {
      type: ["object", "null"],
      properties: { done: { type: "number" }, total: { type: "number" }, unit: { type: "string" }, stage: { type: "string" } },
    },
    result: { description: "Job-specific result once succeeded" },
    error: { type: ["string", "null"] },
    cancelRequested: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
    startedAt: { type: ["string", "null"], format: "date-time" },
    finishedAt: { type: ["string", "null"], format: "date-time" },
  },
};

export const paths = {
  "/api/v1/jobs/{jobId}": {
    parameters: [uuidParam("jobId")],
    get: {
      summary: "Status and progress of a background job",
      tags: ["Jobs"],
      description: "Needs jobs:manage. Long work (imports, segmentation sweeps) runs off the request path on any app instance; poll this for progress.",
      responses: { "200": { description: "The job", content: jsonContent(job) }, ...standardErrors },
    },
  },
  "/api/v1/jobs/{jobId}/cancel": {
    parameters: [uuidParam("jobId")],
    post: {
      summary: "Cancel a background job",
      tags: ["Jobs"],
      description: "Needs jobs:manage. A queued job is cancelled at once; a running job stops at its next progress report and leaves nothing half-written.",
      responses: { "200": { description: "The job after the request", content: jsonContent(job) }, ...standardErrors },
    },
  },
};
