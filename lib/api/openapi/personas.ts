import { z } from "zod";
import { ZSavePersonaInput, PERSONA_FUNCTIONS, PERSONA_STATUSES } from "@/lib/personas/schemas";
import { errorResponse, jsonContent, standardErrors, uuidParam } from "./components";

/** Personas: list per study, read one, write a segment's persona. */

// The request body is generated from the very schema the server parses, so the two cannot drift.
const { $schema: _dialect, ...savePersonaInput } = z.toJSONSchema(ZSavePersonaInput, { io: "input" }) as Record<string, unknown>;

const strings = { type: "array", items: { type: "string" } } as const;
const uuid = { type: "string", format: "uuid" } as const;

const action = {
  type: "object",
  properties: {
    function: { type: "string", enum: [...PERSONA_FUNCTIONS] },
    action: { type: "string" },
    owner: { type: "string" },
    kpi: { type: "string" },
  },
};

const personaFields = {
  id: uuid,
  segmentationId: uuid,
  segmentId: uuid,
  segmentName: { type: "string" },
  name: { type: "string" },
  summary: { type: "string" },
  goals: strings,
  pains: strings,
  actions: { type: "array", items: action },
  status: { type: "string", enum: [...PERSONA_STATUSES] },
  updatedAt: { type: "string", format: "date-time" },
};

const difference = {
  type: "object",
  properties: {
    id: { type: "string" },
    label: { type: "string" },
    segmentMean: { type: "number" },
    totalMean: { type: "number" },
    difference: { type: "number", description: "segmentMean − totalMean" },
    notable: { type: "boolean", description: "≥ 0.25 absolute or ≥ 50 % of the total mean" },
  },
};

const persona = {
  type: "object",
  properties: {
    ...personaFields,
    studyId: uuid,
    facts: {
      type: "object",
      properties: {
        size: { type: "integer" },
        respondentCount: { type: "integer" },
        share: { type: "number", description: "size / respondentCount" },
        distinctive: {
          type: "object",
          description: "Up to three statements the segment rates most above (and most below) the total mean",
          properties: { above: { type: "array", items: difference }, below: { type: "array", items: difference } },
        },
      },
    },
  },
};

const personaListItem = {
  type: "object",
  properties: { ...personaFields, segmentationName: { type: "string" }, size: { type: "integer" }, share: { type: "number" } },
};

export const paths = {
  "/api/v1/studies/{studyId}/personas": {
    parameters: [uuidParam("studyId")],
    get: {
      summary: "List a study's personas",
      tags: ["Personas"],
      description: "Needs persona:read. Keys whose role may not write personas (viewer) see published personas only.",
      responses: {
        "200": { description: "Newest segmentation first, then by segment size", content: jsonContent({ type: "object", properties: { personas: { type: "array", items: personaListItem } } }) },
        ...standardErrors,
      },
    },
  },
  "/api/v1/personas/{personaId}": {
    parameters: [uuidParam("personaId")],
    get: {
      summary: "A persona with its key facts",
      tags: ["Personas"],
      description: "Needs persona:read. A draft is 404 for keys whose role may not write personas.",
      responses: { "200": { description: "The persona", content: jsonContent(persona) }, ...standardErrors },
    },
  },
  "/api/v1/segments/{segmentId}/persona": {
    parameters: [uuidParam("segmentId")],
    put: {
      summary: "Write a segment's persona (and optionally rename the segment)",
      tags: ["Personas"],
      description:
        "Needs persona:write (and segments:name to change `segmentName`). One persona per segment: creates it or replaces it. A `segmentName` already used by another segment of the segmentation is rejected with 409 and nothing is saved.",
      requestBody: { required: true, content: jsonContent(savePersonaInput) },
      responses: { "200": { description: "The saved persona", content: jsonContent(persona) }, ...standardErrors, "409": errorResponse },
    },
  },
};
