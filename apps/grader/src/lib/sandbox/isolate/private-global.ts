/**
 * tfjs keeps its engine (`_tfengine`) and its kernel and gradient registries (`_tfGlobals`) on a
 * "global namespace" it finds as window/global/process/self. Injected by esbuild for the
 * identifier `window`, this binding makes that namespace a private object inside the bundle, so
 * student code cannot reach the real engine or the kernels of banned ops through globalThis.
 */
export const window: Record<string, unknown> = {};
