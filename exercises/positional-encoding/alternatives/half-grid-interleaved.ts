// Async; tensors on the half-width grid [seqLen, ceil(d/2)], cos as sin(angle + π/2), interleaved by stack + reshape and cut to dModel columns.
import * as tf from "@tensorflow/tfjs";

export async function positionalEncoding(seqLen: number, dModel: number): Promise<tf.Tensor2D> {
  const half = Math.ceil(dModel / 2);
  const twoI = tf.range(0, 2 * half, 2);
  const invFreq = tf.pow(10000, tf.div(twoI, -dModel));
  const angles = tf.outerProduct(tf.range(0, seqLen), invFreq as tf.Tensor1D);
  const pairs = tf.stack([tf.sin(angles), tf.sin(tf.add(angles, Math.PI / 2))], 2); // [seqLen, half, 2]
  return pairs.reshape([seqLen, 2 * half]).slice([0, 0], [seqLen, dModel]) as tf.Tensor2D;
}
