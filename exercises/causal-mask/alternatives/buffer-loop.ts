import * as tf from "@tensorflow/tfjs";

// Filled element by element in a TensorBuffer.
export function causalMask(t: number) {
  const buf = tf.buffer([t, t], "float32");
  for (let i = 0; i < t; i++) for (let j = 0; j <= i; j++) buf.set(1, i, j);
  return buf.toTensor() as tf.Tensor2D;
}
