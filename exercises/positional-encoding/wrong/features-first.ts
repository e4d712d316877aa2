// A student's mistake: returns the table as [dModel, seqLen].
// expect: diagnosis.transposed
import * as tf from "@tensorflow/tfjs";

/** PE[p, 2i] = sin(p / 10000^(2i/dModel)), PE[p, 2i+1] = cos(same). */
export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  const out = new Float32Array(seqLen * dModel);
  for (let p = 0; p < seqLen; p++) {
    for (let j = 0; j < dModel; j++) {
      const pair = j - (j % 2); // 2i for both columns of a pair
      const angle = p / Math.pow(10000, pair / dModel);
      out[p * dModel + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return tf.transpose(tf.tensor2d(out, [seqLen, dModel]));
}
