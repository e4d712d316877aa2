/** Grading runs on the tfjs cpu backend (COURSE.md): the wasm backend lacks some gradient kernels. */
import * as tf from "@tensorflow/tfjs";

/**
 * Select the cpu backend (synchronous for cpu); throws if it cannot be selected. Also puts tfjs in
 * production mode: its cpu backend otherwise prints an "install our node backend" banner on the
 * first tensor (through tfjs's warn, which production mode silences), and tfjs-node cannot be
 * installed here.
 */
export function useCpuBackend(): void {
  if (!tf.env().getBool("PROD")) tf.enableProdMode();
  if (tf.engine().backendName === "cpu") return;
  void tf.setBackend("cpu");
  if (tf.engine().backendName !== "cpu") throw new Error("could not select the tfjs cpu backend for grading");
}
