import { fileURLToPath } from "node:url";

/**
 * Public data sets shipped in the repository (db/seed/data; provenance in its README), so the demo,
 * the tests and the benchmarks find them on any machine, without the shared data folder.
 */
export const DATASETS = {
  vacmot: fileURLToPath(new URL("../db/seed/data/vacmot.csv", import.meta.url)),
  vacmotDescriptors: fileURLToPath(new URL("../db/seed/data/vacmotdesc.csv", import.meta.url)),
  mcdonalds: fileURLToPath(new URL("../db/seed/data/mcdonalds.csv", import.meta.url)),
  onlineRetail: fileURLToPath(new URL("../db/seed/data/online_retail_full.csv.gz", import.meta.url)),
} as const;
