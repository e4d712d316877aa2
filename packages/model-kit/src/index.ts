// @course/model-kit: what students learn with and what the grader trusts.
export { createRng, type Rng } from "./rng.ts";
export type { TensorLike, HostTensor } from "./tensor-like.ts";
export { toHost, unravelIndex } from "./tensor-like.ts";
export { compareNumbers, compareTensors, DEFAULT_TOLERANCE, type Comparison, type Tolerance } from "./compare.ts";
export * as reference from "./reference/index.ts";
export * as float64 from "./float64/index.ts";
export type { F64 } from "./float64/index.ts";
export { gradCheck, numericalGradCheck, numericalGradient, relativeErrorNorm, type GradCheckResult } from "./gradcheck.ts";
export {
  BACKEND_NAMES,
  lastBackendAttempts,
  selectBackend,
  wasmDistDir,
  wasmDistUrl,
  type BackendAttempt,
  type BackendName,
  type SelectBackendOptions,
} from "./backend/select.ts";
export { registerWasmGradientKernels, WASM_GRADIENT_KERNELS } from "./backend/wasm-kernels.ts";
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
export { decodeMnist, decodeMnistAsset, encodeMnist, type MnistData } from "./mnist/format.ts";
export { fetchMnist, mnistAssetUrl, readMnist } from "./mnist/load.ts";
export { splitHeldOut, type MnistSplit, type SplitOptions } from "./mnist/split.ts";
export { mnistImage, mnistTensors } from "./mnist/tensors.ts";
export {
  accuracyOf,
  createMnistCnn,
  MNIST_CNN_LAYERS,
  MNIST_RECIPE,
  trainMnistCnn,
  type MnistEpochEvent,
  type MnistRecipe,
  type MnistTrainOptions,
  type MnistTrainResult,
} from "./mnist/cnn.ts";
export { featureMaps, limeExplanation, normalizeDrawing, occlusionMap, predictImage, saliencyMap, type FeatureMap } from "./mnist/inspect.ts";
export { iris, type IrisData } from "./datasets/iris.ts";
export * as demos from "./demos/index.ts";
