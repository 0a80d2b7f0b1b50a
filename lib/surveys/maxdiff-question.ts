import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { paramsOf } from "./answer-messages";
import {
  generateMaxDiffDesign,
  MAXDIFF_MAX_ITEMS,
  MAXDIFF_MAX_SETS,
  MAXDIFF_MAX_VERSIONS,
  maxDiffAnswerSchema,
  resolveMaxDiffDesignOptions,
  ZMaxDiffChoice,
  type MaxDiffDesign,
  type MaxDiffDesignInput,
} from "./maxdiff";
import { pageFields, ZId, ZLocalizedText, ZOption, ZShowIf } from "./question-schemas";

/**
 * The MaxDiff (best–worst) question: the designer lists items; the balanced design is not stored
 * but regenerated from the question (items, sizes, seed), which always gives the same sets, so a
 * published version keeps its design. A respondent answers one design version.
 */

/** Empty number inputs arrive as NaN or null from forms; both mean "use the default". */
const optionalInt = (max: number) =>
  z.preprocess((value) => (value === null || value === "" || Number.isNaN(value) ? undefined : value), z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1).max(max).optional());

// Design option fields named by resolveMaxDiffDesignOptions, mapped to the question's fields.
const DESIGN_FIELDS: Record<string, string> = { itemIds: "items", itemsPerSet: "itemsPerSet", sets: "sets", versions: "versions", seed: "seed" };

export const ZMaxDiffQuestion = z
  .object({
    id: ZId,
    type: z.literal("maxdiff"),
    text: ZLocalizedText,
    required: z.boolean().default(true),
    showIf: ZShowIf,
    ...pageFields,
    items: z.array(ZOption).min(3, "MaxDiff needs at least 3 items").max(MAXDIFF_MAX_ITEMS, `MaxDiff takes at most ${MAXDIFF_MAX_ITEMS} items`),
    itemsPerSet: optionalInt(10),
    sets: optionalInt(MAXDIFF_MAX_SETS),
    versions: optionalInt(MAXDIFF_MAX_VERSIONS),
    seed: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(0, "Use 0 or more").max(2 ** 31 - 1, "Use a smaller number"),
    bestLabel: ZLocalizedText.optional(),
    worstLabel: ZLocalizedText.optional(),
  })
  .superRefine((q, ctx) => {
    try {
      resolveMaxDiffDesignOptions(designInputOf(q));
    } catch (error) {
      if (!isAppError(error)) throw error;
      for (const [field, messages] of Object.entries(error.fieldErrors ?? { items: [error.message] })) {
        for (const message of messages) ctx.addIssue({ code: "custom", path: [DESIGN_FIELDS[field] ?? field], message });
      }
    }
  });
export type MaxDiffQuestion = z.infer<typeof ZMaxDiffQuestion>;

/** What a respondent's MaxDiff answer holds: their design version and one best/worst pick per set, by item id. */
export type MaxDiffStoredAnswer = { version: number; choices: { setIndex: number; best: string; worst: string }[] };

type DesignFields = Pick<MaxDiffQuestion, "items" | "itemsPerSet" | "sets" | "versions" | "seed">;

export function designInputOf(q: DesignFields): MaxDiffDesignInput {
  return { itemIds: q.items.map((item) => item.id), itemsPerSet: q.itemsPerSet, sets: q.sets, versions: q.versions, seed: q.seed };
}

/** The cache key of a question's design: everything the design depends on, and nothing else (texts may change freely). */
export function maxDiffDesignKey(q: DesignFields): string {
  const input = designInputOf(q);
  return JSON.stringify([input.itemIds, input.itemsPerSet ?? null, input.sets ?? null, input.versions ?? null, input.seed]);
}

// Generating a large design takes seconds, so each is made once per process (and primed in the browser by the page).
const MAX_CACHED = 64;
const designSets = new Map<string, string[][][]>();

function remember(key: string, sets: string[][][]) {
  designSets.delete(key);
  designSets.set(key, sets);
  if (designSets.size > MAX_CACHED) designSets.delete(designSets.keys().next().value!);
}

/** The full design with diagnostics (for the designer's preview); also fills the sets cache. */
export function maxDiffDesignOf(q: DesignFields): MaxDiffDesign {
  const design = generateMaxDiffDesign(designInputOf(q));
  remember(maxDiffDesignKey(q), design.versions.map((version) => version.sets));
  return design;
}

/** sets[version][set] = the item ids shown, in order. */
export function maxDiffSetsOf(q: DesignFields): string[][][] {
  const key = maxDiffDesignKey(q);
  const cached = designSets.get(key);
  if (cached) return cached;
  return maxDiffDesignOf(q).versions.map((version) => version.sets);
}

/** Every MaxDiff design of a definition by cache key: the server computes them, the respondent page primes the browser with them. */
export function maxDiffDesignsOf(definition: { questions: readonly { type: string }[] }): Record<string, string[][][]> {
  const designs: Record<string, string[][][]> = {};
  for (const question of definition.questions) {
    if (question.type === "maxdiff") {
      const q = question as unknown as MaxDiffQuestion;
      designs[maxDiffDesignKey(q)] = maxDiffSetsOf(q);
    }
  }
  return designs;
}

export function primeMaxDiffDesigns(designs: Record<string, string[][][]> | undefined): void {
  for (const [key, sets] of Object.entries(designs ?? {})) if (!designSets.has(key)) remember(key, sets);
}

const isBlankChoice = (choice: unknown) => {
  const c = (choice ?? {}) as { best?: unknown; worst?: unknown };
  return (c.best === undefined || c.best === null || c.best === "") && (c.worst === undefined || c.worst === null || c.worst === "");
};

/**
 * A MaxDiff answer, { version, choices }: the version must exist, and the choices pass
 * maxDiffAnswerSchema for that version's sets (one best and a different worst per set, both shown).
 * Any version is accepted, not only the one the submission key picks, so custom front ends may
 * assign versions; the choices are always checked against the sets of the version they name.
 */
export function maxDiffQuestionAnswerSchema(q: MaxDiffQuestion, options: { partial?: boolean } = {}): z.ZodType {
  const sets = maxDiffSetsOf(q);
  if (options.partial) return partialMaxDiffSchema(sets);
  const schema = z
    .object(
      {
        version: z.number({ error: "Send the design version as a number" }).int("Send the design version as a whole number").min(0).max(sets.length - 1, `There are only ${sets.length} versions`),
        choices: z.array(ZMaxDiffChoice, { error: "Answer every set with a best and a worst item" }),
      },
      { error: (issue) => (issue.input === undefined ? "An answer is required" : "Answer with a version and best–worst choices") },
    )
    .strict()
    .superRefine((answer, ctx) => {
      // Zod still runs this after a bad version or choice shape: those issues are already reported.
      if (!Number.isInteger(answer.version) || !sets[answer.version] || !Array.isArray(answer.choices)) return;
      const result = maxDiffAnswerSchema(sets[answer.version]).safeParse(answer.choices);
      // Params carry the message key (lib/surveys/answer-messages.ts) for the respondent's language.
      for (const issue of result.success ? [] : result.error.issues) ctx.addIssue({ code: "custom", path: ["choices", ...issue.path], message: issue.message, params: paramsOf(issue) });
    });
  // The respondent page holds one empty pick per set until answered: that is no answer yet.
  const blank = (value: unknown) =>
    value === null || (typeof value === "object" && value !== null && Array.isArray((value as { choices?: unknown }).choices) && (value as { choices: unknown[] }).choices.every(isBlankChoice));
  return z.preprocess((value) => (blank(value) ? undefined : value), q.required ? schema : schema.optional());
}

const isBlankPick = (value: unknown) => value === undefined || value === null || value === "";

/**
 * A MaxDiff answer saved mid-way (autosave): the version must exist and every pick given must be
 * an item of its set, best and worst differing, but sets may still be unanswered or half answered.
 * The final submit checks the complete answer with maxDiffQuestionAnswerSchema.
 */
function partialMaxDiffSchema(sets: string[][][]): z.ZodType {
  const pick = z.string({ error: "Pick an item by its id" }).optional().nullable();
  return z.preprocess(
    (value) => (value === null || (typeof value === "object" && value !== null && Array.isArray((value as { choices?: unknown }).choices) && (value as { choices: unknown[] }).choices.every(isBlankChoice)) ? undefined : value),
    z
      .object({
        version: z.number({ error: "Send the design version as a number" }).int("Send the design version as a whole number").min(0).max(sets.length - 1, `There are only ${sets.length} versions`),
        choices: z.array(z.object({ setIndex: z.number().int().min(0), best: pick, worst: pick }).strict(), { error: "Send best–worst choices as a list" }),
      })
      .strict()
      .superRefine((answer, ctx) => {
        const shown = sets[answer.version];
        if (!shown) return;
        const answered = new Set<number>();
        answer.choices.forEach((choice, index) => {
          const set = shown[choice.setIndex];
          if (!set) return ctx.addIssue({ code: "custom", path: ["choices", index, "setIndex"], message: `There is no set ${choice.setIndex} (this version has ${shown.length})` });
          if (answered.has(choice.setIndex)) ctx.addIssue({ code: "custom", path: ["choices", index, "setIndex"], message: `Set ${choice.setIndex} is answered twice` });
          answered.add(choice.setIndex);
          for (const role of ["best", "worst"] as const) {
            const item = choice[role];
            if (!isBlankPick(item) && !set.includes(item!)) ctx.addIssue({ code: "custom", path: ["choices", index, role], message: `The ${role} item must be one of the items shown in the set` });
          }
          if (!isBlankPick(choice.best) && choice.best === choice.worst) ctx.addIssue({ code: "custom", path: ["choices", index, "worst"], message: "The best and the worst item must differ" });
        });
      })
      .optional(),
  );
}

const blank = () => ({ en: "", fi: "", sv: "" });

/** The designer's new MaxDiff question: five items and the default design sizes. */
export function newMaxDiff(id: string) {
  return {
    id,
    type: "maxdiff" as const,
    text: blank(),
    required: true,
    items: [1, 2, 3, 4, 5].map((n) => ({ id: `i${n}`, code: n, label: blank() })),
    seed: Math.floor(Math.random() * 1_000_000),
  };
}

/** The designer's "preview the design" request: only what the design depends on. */
export const ZPreviewMaxDiffDesignInput = z.object({
  itemIds: z.array(ZId).max(MAXDIFF_MAX_ITEMS, `MaxDiff takes at most ${MAXDIFF_MAX_ITEMS} items`),
  itemsPerSet: optionalInt(10),
  sets: optionalInt(MAXDIFF_MAX_SETS),
  versions: optionalInt(MAXDIFF_MAX_VERSIONS),
  seed: z.number({ error: "Enter a whole number" }).int("Enter a whole number").min(0).max(2 ** 31 - 1),
});
export type TPreviewMaxDiffDesignInput = z.infer<typeof ZPreviewMaxDiffDesignInput>;

export type MaxDiffDesignPreview = {
  itemsPerSet: number;
  sets: number;
  versions: number;
  /** Over all versions, aligned with itemIds. */
  timesShown: number[];
  pairCounts: { min: number; max: number; mean: number; std: number };
  /** The fewest and most times one respondent sees an item. */
  perRespondent: { min: number; max: number };
};

/** Design diagnostics for the designer: balance of item appearances and of pairs. Throws AppError("invalid") for impossible sizes. */
export function previewMaxDiffDesign(input: TPreviewMaxDiffDesignInput): MaxDiffDesignPreview {
  const design = maxDiffDesignOf({ ...input, items: input.itemIds.map((id) => ({ id, code: 0, label: {} })) });
  const { pairCounts, timesShown } = design.diagnostics;
  return {
    itemsPerSet: design.itemsPerSet,
    sets: design.setsPerVersion,
    versions: design.versions.length,
    timesShown,
    pairCounts: { min: pairCounts.min, max: pairCounts.max, mean: pairCounts.mean, std: pairCounts.std },
    perRespondent: {
      min: Math.min(...design.versions.map((v) => v.diagnostics.timesShownMin)),
      max: Math.max(...design.versions.map((v) => v.diagnostics.timesShownMax)),
    },
  };
}
