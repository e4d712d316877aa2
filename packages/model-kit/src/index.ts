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
