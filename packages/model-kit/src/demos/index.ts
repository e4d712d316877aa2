// Computations behind the lesson demos that need more than a few lines (the web app's demo worker
// wraps them): plain tfjs, no Node APIs.
export { GAN_RANGE, GAN_TARGETS, sampleTarget, targetDensity, trainGan1d, type Gan1dOptions, type GanSnapshot, type GanTarget } from "./gan1d.ts";
export { crossValidate, REFERENCE_BLOCKS, rocCurve, type EvaluationBlocks, type EvaluationOptions, type EvaluationResult, type Fold, type FoldResult, type RocPoint } from "./evaluation.ts";
export { fitWithCurves, smoothCurve, type FitCallbacks, type FitCurvesOptions } from "./fit-curves.ts";
export { trainReverser, type AttentionFn, type ReverserOptions, type ReverserScore, type ReverserSnapshot } from "./reverse-transformer.ts";
