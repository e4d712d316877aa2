// What runs inside a grading isolate too (no Node APIs, no wasm loading): course code's
// `@course/model-kit` is bundled from this file for the author sandbox.
export { createRng, type Rng } from "./rng.ts";
export type { TensorLike, HostTensor } from "./tensor-like.ts";
export { toHost, unravelIndex } from "./tensor-like.ts";
export { compareNumbers, compareTensors, DEFAULT_TOLERANCE, type Comparison, type Tolerance } from "./compare.ts";
export * as reference from "./reference/index.ts";
export * as float64 from "./float64/index.ts";
export type { F64 } from "./float64/index.ts";
export { gradCheck, numericalGradCheck, numericalGradient, relativeErrorNorm, type GradCheckResult } from "./gradcheck.ts";
export {
  trainLoop,
  type BatchEvent,
  type EpochEvent,
  type LossFn,
  type LossName,
  type ParamsModel,
  type TrainLoopOptions,
  type TrainLoopResult,
} from "./train.ts";
export { blobs, quadrantImages, smallCnn, smallMlp } from "./synthetic.ts";
