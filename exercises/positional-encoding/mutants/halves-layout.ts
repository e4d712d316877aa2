import * as tf from "@tensorflow/tfjs";

// All sines in the first half of the columns, all cosines in the second half (another layout).
export function positionalEncoding(seqLen: number, dModel: number) {
  const half = Math.ceil(dModel / 2);
  const out = new Float32Array(seqLen * dModel);
  for (let p = 0; p < seqLen; p++) {
    for (let i = 0; i < half; i++) {
      const angle = p / Math.pow(10000, (2 * i) / dModel);
      out[p * dModel + i] = Math.sin(angle);
      if (half + i < dModel) out[p * dModel + half + i] = Math.cos(angle);
    }
  }
  return tf.tensor2d(out, [seqLen, dModel]);
}
