import { z } from "zod";

export const PERSONA_FUNCTIONS = ["marketing", "sales", "service", "product"] as const;
export type PersonaFunction = (typeof PERSONA_FUNCTIONS)[number];

export const PERSONA_STATUSES = ["draft", "published"] as const;
export type PersonaStatus = (typeof PERSONA_STATUSES)[number];

export const SEGMENT_NAME_MAX = 60;

export const ZPersonaAction = z.object({
  function: z.enum(PERSONA_FUNCTIONS, "Pick a function"),
  action: z.string().trim().min(1, "Describe the action").max(500, "Use at most 500 characters"),
  owner: z.string().trim().max(120, "Use at most 120 characters").default(""),
  kpi: z.string().trim().max(200, "Use at most 200 characters").default(""),
});
export type PersonaAction = z.infer<typeof ZPersonaAction>;

export const ZSegmentName = z
  .string()
  .trim()
  .min(1, "Name the segment")
  .max(SEGMENT_NAME_MAX, `Use at most ${SEGMENT_NAME_MAX} characters`);

const ZListItem = z.string().trim().min(1, "Write something or remove the line").max(300, "Use at most 300 characters");

/**
 * The persona editor's form and the server (action and PUT /api/v1/segments/{id}/persona) parse
 * this same schema. `segmentName` is optional so API clients may leave the segment's name alone;
 * the form always sends it, and a changed name is saved together with the persona.
 */
export const ZSavePersonaInput = z.object({
  segmentName: ZSegmentName.optional(),
  name: z.string().trim().min(1, "Name the persona").max(80, "Use at most 80 characters"),
  summary: z.string().trim().max(200, "Keep the summary to one line (200 characters)").default(""),
  goals: z.array(ZListItem).max(12, "At most 12 goals").default([]),
  pains: z.array(ZListItem).max(12, "At most 12 pains").default([]),
  actions: z.array(ZPersonaAction).max(24, "At most 24 actions").default([]),
  status: z.enum(PERSONA_STATUSES, "Pick draft or published").default("draft"),
});
export type TSavePersonaInput = z.infer<typeof ZSavePersonaInput>;
/** What the form holds before parsing (defaults not yet applied). */
export type TSavePersonaFormValues = z.input<typeof ZSavePersonaInput>;

/** The server action names the segment in the input; the API takes it from the URL instead. */
export const ZSavePersonaActionInput = ZSavePersonaInput.extend({ segmentId: z.uuid("Unknown segment") });
export type TSavePersonaActionInput = z.infer<typeof ZSavePersonaActionInput>;
