import { jsonContent, standardErrors, uuidParam } from "./components";

const contact = {
  type: "object",
  required: ["email"],
  properties: {
    email: { type: "string", format: "email" },
    customer_id: { type: "string", maxLength: 200 },
    language: { type: "string", enum: ["en", "fi", "sv"], description: "One of the survey's languages; empty uses its default" },
  },
  additionalProperties: { type: ["string", "number", "null"], description: "Any other field is kept as an attribute" },
};
const report = {
  type: "object",
  properties: {
    rows: { type: "integer", description: "Rows read (excluding the CSV header)" },
    inserted: { type: "integer", description: "New contacts" },
    updated: { type: "integer", description: "Known e-mails whose customer id, language or attributes were updated" },
    problems: {
      type: "array",
      description: "Every row not imported",
      items: {
        type: "object",
        properties: {
          line: { type: "integer", description: "CSV line number (header is line 1), or the 1-based position in a JSON array" },
          email: { type: "string" },
          code: { type: "string", enum: ["email", "duplicate", "language", "customer_id", "columns"] },
          message: { type: "string" },
        },
      },
    },
  },
};

const limits = {
  type: "object",
  properties: {
    closeAt: { type: ["string", "null"], format: "date-time", description: "No answers after this time (ISO 8601; without an offset it is read as UTC). Personal links end with it too." },
    responseLimit: { type: ["integer", "null"], minimum: 1, maximum: 10000000, description: "At most this many complete responses" },
    quotas: {
      type: "array",
      maxItems: 50,
      items: {
        type: "object",
        required: ["questionId", "optionCode", "limit"],
        properties: { questionId: { type: "string" }, optionCode: { type: "number" }, limit: { type: "integer", minimum: 1 } },
      },
      description: "At most `limit` complete responses choosing this option of a single-choice question",
    },
    personalLinkDays: {
      type: ["integer", "null"],
      minimum: 1,
      maximum: 3650,
      description: "Personal links stop working this many days after the contact's invitation or latest reminder went out; null: only the close date ends them. Unsubscribe links keep working.",
    },
  },
};

export const paths = {
  "/api/v1/surveys/{surveyId}/limits": {
    parameters: [uuidParam("surveyId")],
    get: {
      summary: "A survey's limits",
      description: "Close date, response limit, quotas and how long personal links stay valid (researchers, admins and owners).",
      tags: ["Distribution"],
      responses: { "200": { description: "The limits", content: jsonContent(limits) }, ...standardErrors },
    },
    put: {
      summary: "Set a survey's limits",
      description:
        "Replaces all limits at once: a field left out or null means no limit of that kind. Checked on every submission; an expired personal link is answered with 410 `expired`, a closed or full survey with 410 `closed`.",
      tags: ["Distribution"],
      requestBody: { required: true, content: jsonContent(limits) },
      responses: { "200": { description: "The limits as saved", content: jsonContent(limits) }, ...standardErrors },
    },
  },
  "/api/v1/surveys/{surveyId}/contacts": {
    parameters: [uuidParam("surveyId")],
    post: {
      summary: "Import contacts for personal links",
      description:
        "Adds contacts to a survey's list, or updates them when the e-mail is already there (idempotent on e-mail). Bad rows are reported with their line and reason; good rows are kept. Invitations with personal, single-use links are sent from the survey's Distribute page. At most 5 MB (413, counted while reading); any other Content-Type than application/json or text/csv gets 415.",
      tags: ["Distribution"],
      requestBody: {
        required: true,
        content: {
          ...jsonContent({ oneOf: [{ type: "array", items: contact, maxItems: 20000 }, { type: "object", required: ["csv"], properties: { csv: { type: "string" } } }] }),
          "text/csv": { schema: { type: "string", examples: ["email,customer_id,language,plan\nanna@example.fi,C-1,fi,pro"] } },
        },
      },
      responses: { "200": { description: "Import report", content: jsonContent(report) }, "413": standardErrors["422"], "415": standardErrors["422"], ...standardErrors },
    },
  },
};
