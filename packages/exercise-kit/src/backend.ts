/** Grading runs on the tfjs cpu backend (COURSE.md): the wasm backend lacks some gradient kernels. */
import * as tf from "@tensorflow/tfjs";

/** Select the cpu backend (synchronous for cpu); throws if it cannot be selected. */
export function useCpuBackend(): void {
  if (tf.engine().backendName === "cpu") return;
  void tf.setBackend("cpu");
  if (tf.engine().backendName !== "cpu") throw new Error("could not select the tfjs cpu backend for grading");
}
