import * as tf from "@tensorflow/tfjs";

/** PE[p, 2i] = sin(p / 10000^(2i/dModel)), PE[p, 2i+1] = cos(same). */
export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  // TODO
  return tf.zeros([seqLen, dModel]);
}
