import { z } from "zod";
import { say } from "../answer-messages";

/** One best–worst choice: which item of set `setIndex` the respondent found best and which worst. */
export const ZMaxDiffChoice = z.object({
  setIndex: z.number({ error: "Send the set's index as a number" }).int("A set index is a whole number").min(0, "A set index is 0 or more"),
  best: z.string({ error: say("pickBest").message }).refine((id) => id.length > 0, say("pickBest")),
  worst: z.string({ error: say("pickWorst").message }).refine((id) => id.length > 0, say("pickWorst")),
});
export type TMaxDiffChoice = z.infer<typeof ZMaxDiffChoice>;
export type TMaxDiffAnswer = TMaxDiffChoice[];

/**
 * Builds the schema of a MaxDiff answer for the sets one respondent was shown (their design version):
 * exactly one choice per set, best and worst different and both among that set's items. The
 * respondent page and the server validate with the same schema.
 */
export function maxDiffAnswerSchema(sets: readonly (readonly string[])[]) {
  return z
    .array(ZMaxDiffChoice, { error: "Answer every set with a best and a worst item" })
    .superRefine((choices, ctx) => {
      const answered = new Set<number>();
      choices.forEach((choice, index) => {
        const set = sets[choice.setIndex];
        if (!set) {
          ctx.addIssue({ code: "custom", path: [index, "setIndex"], message: `There is no set ${choice.setIndex} (this version has ${sets.length})` });
          return;
        }
        if (answered.has(choice.setIndex)) {
          ctx.addIssue({ code: "custom", path: [index, "setIndex"], message: `Set ${choice.setIndex} is answered twice` });
        }
        answered.add(choice.setIndex);
        if (!set.includes(choice.best)) {
          ctx.addIssue({ code: "custom", path: [index, "best"], ...say("bestNotShown") });
        }
        if (!set.includes(choice.worst)) {
          ctx.addIssue({ code: "custom", path: [index, "worst"], ...say("worstNotShown") });
        }
        if (choice.best === choice.worst) {
          ctx.addIssue({ code: "custom", path: [index, "worst"], ...say("bestWorstSame") });
        }
      });
      const missing = sets.map((_, setIndex) => setIndex).filter((setIndex) => !answered.has(setIndex));
      if (missing.length > 0) {
        ctx.addIssue({ code: "custom", path: [], ...say("answerEverySet", { count: missing.length }) });
      }
    });
}
