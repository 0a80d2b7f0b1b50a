import { jsonContent, standardErrors, uuidParam } from "./components";

const tags = ["Responses"];
const filterParams = [
  { name: "status", in: "query", schema: { type: "string", enum: ["partial", "complete"] } },
  { name: "channel", in: "query", schema: { type: "string" }, description: "public, personal or api" },
  { name: "language", in: "query", schema: { type: "string", enum: ["en", "fi", "sv"] } },
  {
    name: "flag",
    in: "query",
    schema: { type: "string", enum: ["any", "none", "speeder", "straight_liner", "attention_failed"] },
    description: "Quality flags: any flag, none (clean responses only), or one flag",
  },
];
const erased = {
  type: "object",
  properties: { erasedResponses: { type: "integer" }, erasedAssignments: { type: "integer", description: "Segment assignments removed with them" } },
};

export const paths = {
  "/api/v1/surveys/{surveyId}/responses/export": {
    parameters: [uuidParam("surveyId")],
    get: {
      summary: "Export responses (streamed)",
      description:
        "csv: one row per respondent, meta columns (response_id, status, customer_id, customer_id_verified, language, channel, started_at, completed_at, duration_ms, flags; customer_id_verified is 1 only for an id from a signed personal link, 0 for one from a public link or the public API) then one column per question, battery statement, multiple-choice option or item, named by stable ids; a MaxDiff question gives `<q>_version`, `<q>_set<N>_best` / `<q>_set<N>_worst` (item codes) and `<q>_<item>_score` (the respondent's (best − worst) / shown, −1…1). Text cells starting with =, +, -, @ are prefixed with an apostrophe. json: `{ surveyId, labels, responses: [{ id, status, …, values, answers }] }`. codebook: CSV of variable, question_id, part_id, question_type, text, code, label. Streamed from the database in batches.",
      tags,
      parameters: [
        { name: "format", in: "query", schema: { type: "string", enum: ["csv", "json", "codebook"], default: "csv" } },
        { name: "labels", in: "query", schema: { type: "string", enum: ["0", "1", "true", "false"] }, description: "Option labels instead of codes" },
        {
          name: "lang",
          in: "query",
          schema: { type: "string", enum: ["en", "fi", "sv"] },
          description: "Language of question texts, labels and the codebook's built-in labels (chosen/not chosen, NPS ends, MaxDiff column texts); default and fallback: the survey's default language",
        },
        ...filterParams,
      ],
      responses: {
        "200": {
          description: "The export file (Content-Disposition: attachment)",
          content: { "text/csv": { schema: { type: "string" } }, "application/json": { schema: { type: "object" } } },
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/surveys/{surveyId}/responses/{responseId}": {
    parameters: [uuidParam("surveyId"), uuidParam("responseId")],
    delete: {
      summary: "Erase one response",
      description: "Deletes the response and its segment assignments (segment sizes shrink). Only the count of the erasure is recorded.",
      tags,
      responses: { "200": { description: "Erased", content: jsonContent(erased) }, ...standardErrors },
    },
  },
  "/api/v1/erasure": {
    post: {
      summary: "Erase a customer's responses",
      description: "Deletes every response with this customer id in the workspace, across surveys, and their segment assignments. Only counts are recorded.",
      tags,
      requestBody: {
        required: true,
        content: jsonContent({ type: "object", required: ["customerId"], properties: { customerId: { type: "string", minLength: 1, maxLength: 200 } } }),
      },
      responses: { "200": { description: "Erased", content: jsonContent(erased) }, ...standardErrors },
    },
  },
};
