// @course/model-kit: what students learn with and what the grader trusts.
export * from "./isolate.ts";
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
