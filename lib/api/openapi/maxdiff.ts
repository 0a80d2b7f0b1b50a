import { rateLimitedResponse } from "./components";

/** OpenAPI paths of MaxDiff designs, for custom front ends that show the sets themselves. */

const sets = { type: "array", description: "sets[version][set] = item ids in display order", items: { type: "array", items: { type: "array", items: { type: "string" } } } };

export const paths = {
  "/api/v1/public/surveys/{publicId}/maxdiff": {
    parameters: [
      { name: "publicId", in: "path", required: true, schema: { type: "string" } },
      { name: "key", in: "query", required: false, schema: { type: "string", maxLength: 200 }, description: "A submission key: adds the design version the survey page would show for it" },
    ],
    get: {
      summary: "MaxDiff designs of the published survey (no API key)",
      description:
        "Per MaxDiff question, every design version's sets. Show a respondent the sets of one version and submit `{ version, choices: [{ setIndex, best, worst }] }` for that question; the design never changes within a published version.",
      tags: ["Surveys"],
      security: [],
      responses: {
        "200": {
          description: "The designs",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  surveyVersion: { type: "integer" },
                  questions: { type: "array", items: { type: "object", properties: { questionId: { type: "string" }, sets, version: { type: "integer" } }, required: ["questionId", "sets"] } },
                },
                required: ["surveyVersion", "questions"],
              },
            },
          },
        },
        "404": { description: "No such published survey" },
        "429": rateLimitedResponse,
      },
    },
  },
};
