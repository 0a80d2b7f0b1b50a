import { z } from "zod";

export const ZCreateStudyInput = z.object({
  name: z.string().trim().min(2, "Use at least 2 characters").max(120, "Use at most 120 characters"),
  description: z.string().trim().max(2000, "Use at most 2000 characters").default(""),
});
export type TCreateStudyInput = z.infer<typeof ZCreateStudyInput>;
