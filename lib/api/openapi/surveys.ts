import { z } from "zod";
import { ZSurveyDefinition } from "@/lib/surveys/definition";
import { ZSubmitResponseBody } from "@/lib/surveys/schemas";
import { errorResponse, jsonContent, rateLimitedResponse, standardErrors, uuidParam } from "./components";

// Request schemas come from the zod schemas the server validates with, so the document cannot drift.
const definition = z.toJSONSchema(ZSurveyDefinition, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
const submitBody = z.toJSONSchema(ZSubmitResponseBody, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
for (const schema of [definition, submitBody]) delete (schema as { $schema?: string }).$schema;

const status = { type: "string", enum: ["draft", "published", "closed"] };
const surveySummary = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    studyId: { type: "string", format: "uuid" },
    title: { type: "string" },
    status,
    publicId: { type: "string", description: "12 base62 characters; the respondent page is /s/{publicId}" },
    publicPath: { type: "string", examples: ["/s/a1B2c3D4e5F6"] },
    currentVersion: { type: ["integer", "null"] },
    responseCount: { type: "integer", description: "Complete responses over all versions" },
    createdAt: { type: "string", format: "date-time" },
    updatedAt: { type: "string", format: "date-time" },
  },
};
const survey = {
  ...surveySummary,
  properties: {
    ...surveySummary.properties,
    hasUnpublishedChanges: { type: "boolean" },
    publishedAt: { type: ["string", "null"], format: "date-time" },
    definition: { ...definition, description: "The draft (working copy)" },
    publishedDefinition: { description: "The current published version's definition, or null", anyOf: [definition, { type: "null" }] },
  },
};
const answers = {
  type: "object",
  description:
    "Keyed by question id. single_choice, likert_item: option code; rating, nps, numeric: number; open_text: plain text; likert_battery: { statementId: code }; constant_sum: { itemId: points } summing to the total; ranking: item ids in rank order; multiple_choice: { codes: [..], other?: text (only with the other option's code) }; maxdiff: { version, choices: [{ setIndex, best, worst }] } with item ids, one choice per set of that design version, best ≠ worst",
  additionalProperties: {
    anyOf: [
      { type: "number" },
      { type: "string" },
      { type: "array", items: { type: "string" } },
      { type: "object", properties: { codes: { type: "array", items: { type: "integer" } }, other: { type: "string" } }, required: ["codes"] },
      { type: "object", additionalProperties: { type: "number" } },
      {
        type: "object",
        properties: {
          version: { type: "integer", minimum: 0 },
          choices: { type: "array", items: { type: "object", properties: { setIndex: { type: "integer", minimum: 0 }, best: { type: "string" }, worst: { type: "string" } }, required: ["setIndex", "best", "worst"] } },
        },
        required: ["version", "choices"],
      },
    ],
  },
  examples: [{ q1: { s1: 4, s2: 2 }, q2: 3, q3: { codes: [1, 97], other: "A friend" }, q4: ["price", "place"], q5: { stay: 60, travel: 40 } }],
};
const response = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    versionId: { type: "string", format: "uuid" },
    status: { type: "string", enum: ["partial", "complete"] },
    answers,
    language: { type: "string" },
    customerId: { type: ["string", "null"] },
    customerIdVerified: { type: "boolean", description: "True only when the customer id came from a signed personal link; an id from a public link's URL or the public API is unverified" },
    startedAt: { type: ["string", "null"], format: "date-time" },
    completedAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
  },
};
const submitted = {
  type: "object",
  properties: { responseId: { type: "string", format: "uuid" }, versionId: { type: "string", format: "uuid" }, duplicate: { type: "boolean" } },
};
const tags = ["Surveys"];

export const paths = {
  "/api/v1/studies/{studyId}/surveys": {
    parameters: [uuidParam("studyId")],
    get: {
      summary: "List a study's surveys",
      tags,
      responses: { "200": { description: "Surveys", content: jsonContent({ type: "object", properties: { surveys: { type: "array", items: surveySummary } } }) }, ...standardErrors },
    },
    post: {
      summary: "Create a draft survey from a definition (import)",
      description: "Question, statement and option ids are stable slugs (a–z, 0–9, _); option codes are numbers. Every text is required in defaultLanguage.",
      tags,
      requestBody: { required: true, content: jsonContent(definition) },
      responses: { "201": { description: "Created", content: jsonContent(survey) }, ...standardErrors },
    },
  },
  "/api/v1/surveys/{surveyId}": {
    parameters: [uuidParam("surveyId")],
    get: { summary: "A survey with its definition (export)", tags, responses: { "200": { description: "Survey", content: jsonContent(survey) }, ...standardErrors } },
  },
  "/api/v1/surveys/{surveyId}/publish": {
    parameters: [uuidParam("surveyId")],
    post: {
      summary: "Publish the draft as a new immutable version",
      description: "An unchanged draft makes no new version (created: false) and re-opens a closed survey.",
      tags,
      responses: {
        "200": {
          description: "Published",
          content: jsonContent({
            type: "object",
            properties: {
              surveyId: { type: "string", format: "uuid" },
              publicId: { type: "string" },
              publicPath: { type: "string" },
              versionId: { type: "string", format: "uuid" },
              version: { type: "integer" },
              created: { type: "boolean" },
            },
          }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/surveys/{surveyId}/responses": {
    parameters: [
      uuidParam("surveyId"),
      { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
      { name: "after", in: "query", description: "nextCursor of the previous page", schema: { type: "string", format: "uuid" } },
    ],
    get: {
      summary: "List responses, oldest first, in pages",
      tags,
      responses: {
        "200": {
          description: "A page of responses",
          content: jsonContent({ type: "object", properties: { responses: { type: "array", items: response }, nextCursor: { type: ["string", "null"] } } }),
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/public/surveys/{publicId}/responses": {
    parameters: [{ name: "publicId", in: "path", required: true, schema: { type: "string" } }],
    post: {
      summary: "Submit a respondent's answers (no API key)",
      description:
        "Validated against the current published version. Idempotent per submissionKey: a retry returns the first response with duplicate: true (200) and stores nothing. A customerId sent without a personal-link token is stored as unverified (customerIdVerified: false): anyone could have sent it.",
      tags,
      security: [],
      requestBody: { required: true, content: jsonContent({ ...submitBody, properties: { ...(submitBody.properties ?? {}), answers } }) },
      responses: {
        "201": { description: "Stored", content: jsonContent(submitted) },
        "200": { description: "Already stored under this submissionKey", content: jsonContent(submitted) },
        "410": { ...errorResponse, description: "The survey is closed (code closed), or the personal link has expired (code expired)" },
        "429": rateLimitedResponse,
        ...standardErrors,
      },
    },
  },
};
