import { paths as analysisRuns } from "./analysis-runs";
import { paths as customerMetrics } from "./customer-metrics";
import { paths as distribution } from "./distribution";
import { paths as imports } from "./imports";
import { paths as jobs } from "./jobs";
import { paths as maxdiff } from "./maxdiff";
import { paths as personas } from "./personas";
import { paths as responses } from "./responses";
import { paths as segmentations } from "./segmentations";
import { paths as segmentationSolution } from "./segmentation-solution";
import { paths as studies } from "./studies";
import { paths as surveys } from "./surveys";
import { paths as workspace } from "./workspace";

/** The /api/v1 OpenAPI document, merged from each area's path fragment. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Needscape API",
      version: "1.0.0",
      description:
        "Surveys, responses, segmentations and personas of one workspace. Authenticate with a workspace API key: `Authorization: Bearer nsk_…` (create keys under Settings → API keys); a key acts with at most its creator's current role and stops working (401) when its creator leaves the workspace. JSON request bodies need `Content-Type: application/json` (anything else gets 415; too large a body 413). Errors come as `{ error: { code, message, fieldErrors? } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Workspace API key (nsk_…)" } } },
    paths: { ...workspace, ...studies, ...surveys, ...segmentations, ...segmentationSolution, ...analysisRuns, ...personas, ...responses, ...distribution, ...maxdiff, ...jobs, ...customerMetrics, ...imports },
  };
}
