/** The tfjs wasm backend's binaries, served under WASM_PATH by app/tfjs-wasm/[file]. */
export const TFJS_WASM_FILES = ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"] as const;
export const WASM_PATH = "/tfjs-wasm/";
