import { z } from "zod";

export const PERSONA_FUNCTIONS = ["marketing", "sales", "service", "product"] as const;

export const ZPersonaAction = z.object({
  function: z.enum(PERSONA_FUNCTIONS),
  action: z.string().trim().min(1, "Describe the action").max(500),
  owner: z.string().trim().max(120).default(""),
  kpi: z.string().trim().max(200).default(""),
});
export type PersonaAction = z.infer<typeof ZPersonaAction>;
