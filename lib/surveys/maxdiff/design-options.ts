import { AppError } from "@/lib/errors";

export interface MaxDiffDesignInput {
  /** Stable ids of the items (statements, features…) to scale; at least 3, no duplicates. */
  itemIds: readonly string[];
  /** Items shown per set; default 3 for up to 6 items, 4 up to 12, else 5 (Sawtooth's advice: 4–5, never more than about half). */
  itemsPerSet?: number;
  /** Sets per respondent; default ⌈3 × items / itemsPerSet⌉ so each item is seen about 3 times. */
  sets?: number;
  /** Design versions (blocks) handed out to different respondents; default 10. */
  versions?: number;
  /** Seed of the pseudo-random search; the same input and seed give the same design. */
  seed: number;
}

export interface MaxDiffDesignOptions {
  itemIds: readonly string[];
  itemsPerSet: number;
  sets: number;
  versions: number;
  seed: number;
}

export const MAXDIFF_MAX_ITEMS = 100;
export const MAXDIFF_MAX_ITEMS_PER_SET = 10;
export const MAXDIFF_MAX_SETS = 60;
// Sawtooth fields up to 300 versions precomputed offline; 100 keeps generation to a few seconds on the request.
export const MAXDIFF_MAX_VERSIONS = 100;
/** Sawtooth recommends showing each item at least 3 times per respondent. */
export const MAXDIFF_TARGET_TIMES_SHOWN = 3;

export function defaultItemsPerSet(itemCount: number): number {
  if (itemCount <= 3) return 2;
  if (itemCount <= 6) return 3;
  if (itemCount <= 12) return 4;
  return 5;
}

export function defaultSetCount(itemCount: number, itemsPerSet: number): number {
  return Math.ceil((MAXDIFF_TARGET_TIMES_SHOWN * itemCount) / itemsPerSet);
}

function invalid(field: string, message: string): never {
  throw new AppError("invalid", message, { [field]: [message] });
}

function checkInteger(field: string, value: number, min: number, max: number, label: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(field, `${label} must be a whole number from ${min} to ${max} (got ${value})`);
  }
}

/** Validates the designer's input and fills the defaults; throws AppError("invalid") with a field error. */
export function resolveMaxDiffDesignOptions(input: MaxDiffDesignInput): MaxDiffDesignOptions {
  const { itemIds } = input;
  if (!Array.isArray(itemIds) || itemIds.length < 3) {
    invalid("itemIds", `MaxDiff needs at least 3 items (got ${Array.isArray(itemIds) ? itemIds.length : 0})`);
  }
  if (itemIds.length > MAXDIFF_MAX_ITEMS) invalid("itemIds", `MaxDiff takes at most ${MAXDIFF_MAX_ITEMS} items (got ${itemIds.length})`);
  const seen = new Set<string>();
  for (const id of itemIds) {
    if (typeof id !== "string" || id.trim() === "") invalid("itemIds", "Every MaxDiff item needs a non-empty id");
    if (seen.has(id)) invalid("itemIds", `MaxDiff item "${id}" is listed twice`);
    seen.add(id);
  }
  const n = itemIds.length;
  const itemsPerSet = input.itemsPerSet ?? defaultItemsPerSet(n);
  if (!Number.isInteger(itemsPerSet) || itemsPerSet < 2 || itemsPerSet >= n) {
    invalid("itemsPerSet", `Items per set must be a whole number from 2 to ${n - 1} (one less than the ${n} items; got ${itemsPerSet})`);
  }
  checkInteger("itemsPerSet", itemsPerSet, 2, MAXDIFF_MAX_ITEMS_PER_SET, "Items per set");
  const sets = input.sets ?? Math.min(MAXDIFF_MAX_SETS, defaultSetCount(n, itemsPerSet));
  checkInteger("sets", sets, 1, MAXDIFF_MAX_SETS, "The number of sets");
  if (sets * itemsPerSet < n) {
    invalid("sets", `With ${sets} sets of ${itemsPerSet} some items would never be shown: use at least ${Math.ceil(n / itemsPerSet)} sets`);
  }
  const versions = input.versions ?? 10;
  checkInteger("versions", versions, 1, MAXDIFF_MAX_VERSIONS, "The number of versions");
  if (!Number.isSafeInteger(input.seed)) invalid("seed", `The seed must be a whole number (got ${input.seed})`);
  return { itemIds: [...itemIds], itemsPerSet, sets, versions, seed: input.seed };
}
