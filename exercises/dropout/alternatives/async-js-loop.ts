// Style: async export, plain JS loop over awaited data() with float64 p, result rebuilt with tf.tensor(values, shape).
import * as tf from "@tensorflow/tfjs";

export async function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): Promise<tf.Tensor> {
  const xs = await x.data();
  if (!training || p === 0) return tf.tensor(xs, x.shape);
  const us = await u.data();
  const out = new Float32Array(xs.length);
  const scale = 1 / (1 - p);
  for (let i = 0; i < xs.length; i++) out[i] = us[i]! >= p ? xs[i]! * scale : 0;
  return tf.tensor(out, x.shape, "float32");
}
