import { AppError } from "@/lib/errors";
import { ZStartSweepInput, type TStartSweepInput } from "../dataset/schemas";

export type RunConfig = Omit<TStartSweepInput, "name">;

/** What analysis_runs.config holds: the dataset choice and the sweep settings, exactly as validated. */
export function runConfigOf(input: RunConfig): Record<string, unknown> {
  return { ...input };
}

/** Reads a stored config back through the same schema, so a run is always re-run with valid settings. */
export function parseRunConfig(config: Record<string, unknown>): RunConfig {
  const parsed = ZStartSweepInput.safeParse(config);
  if (!parsed.success) throw new AppError("conflict", "This analysis run was stored with settings this version cannot read.");
  const { name: _, ...rest } = parsed.data;
  return rest;
}
