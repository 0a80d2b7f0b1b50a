// Public API of the segmentation numerics: pure functions, no I/O, safe to bundle for the browser.
export { createRandom, deriveSeed, randomInt, sampleIndices, type Random } from "./random";
export {
  columnMeans,
  columnVariances,
  createMatrix,
  matrixFromRows,
  matrixToRows,
  selectRows,
  type Matrix,
} from "./matrix";
export { kmeansPlusPlus } from "./kmeans-init";
export {
  fitKMeans,
  fitKMeansFromCentroids,
  nearestCentroids,
  validateK,
  type KMeansOptions,
  type KMeansResult,
  type LloydOptions,
} from "./kmeans";
export {
  fitKMeansWithRestarts,
  orderSegments,
  type KMeansRestartOptions,
  type KMeansRestartResult,
} from "./kmeans-restarts";
export {
  isMarker,
  MARKER_ABSOLUTE_DIFFERENCE,
  MARKER_RELATIVE_DIFFERENCE,
  segmentProfiles,
  type SegmentProfile,
  type SegmentProfiles,
} from "./profiles";
export { adjustedRandIndex, compactLabels } from "./agreement";
export {
  sampledSilhouetteScore,
  silhouetteSamples,
  silhouetteScore,
  type SampledSilhouetteOptions,
} from "./silhouette";
export { boxSummary, quantileSorted, type BoxSummary } from "./summary";
export {
  assembleSweep,
  resolveSweepOptions,
  runSweep,
  SweepCancelledError,
  summariseSweep,
  sweepKs,
  type SegmentStability,
  type SweepCallbacks,
  type SweepKResult,
  type SweepKSummary,
  type SweepSummary,
  type SweepOptions,
  type SweepProgress,
  type SweepResult,
  type SweepStability,
} from "./sweep";
export { bootstrapPair, fitSweepSolution, type ResolvedSweepOptions } from "./sweep-tasks";
// Two modules are imported directly rather than through this barrel, because client bundles (the
// respondent's MaxDiff questions use the seeded random numbers) import it and must stay small and
// free of node: modules:
// - "@/lib/analysis/sweep-workers": runSweepInWorkers (worker threads, Node only);
// - "@/lib/analysis/explore": correlationMatrix, principalComponents (PCA via ml-pca).
export {
  chiSquareCdf,
  chiSquareSurvival,
  fCdf,
  fSurvival,
  logGamma,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from "./distributions";
export {
  chiSquareTest,
  describeNumeric,
  kruskalWallis,
  oneWayAnova,
  type AnovaResult,
  type CategoryValue,
  type ChiSquareResult,
  type KruskalWallisResult,
  type NumericDescriptorResult,
  type NumericGroupSummary,
} from "./descriptors";
export {
  describeRecommendation,
  NEAR_BEST_ARI,
  recommendK,
  stabilityLevel,
  UNSTABLE_SEGMENT_JACCARD,
  withinSSElbow,
  type Recommendation,
  type RecommendationReason,
  type StabilityLevel,
} from "./recommend";
export { assignToCentroids, compareSolutions, type Assignment, type SolutionComparison } from "./compare";
export {
  applyPreprocessing,
  preprocess,
  SAMPLE_SIZE_PER_VARIABLE,
  type AnalysisColumnInput,
  type AnalysisVariable,
  type ApplyPreprocessingResult,
  type CategoricalColumnInput,
  type ColumnSpec,
  type MissingStrategy,
  type NumericColumnInput,
  type NumericScaling,
  type PreprocessingSpec,
  type PreprocessOptions,
  type PreprocessReport,
  type PreprocessResult,
  type PreprocessWarning,
  type StandardDeviationKind,
} from "./preprocess";
