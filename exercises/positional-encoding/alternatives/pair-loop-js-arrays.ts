// Nested JS arrays, one loop over frequency pairs writing (sin, cos) side by side; frequency as 10000^(−2i/d) in float64; cos only when the column exists.
import * as tf from "@tensorflow/tfjs";

export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  const rows: number[][] = [];
  for (let p = 0; p < seqLen; p++) {
    const row = new Array<number>(dModel);
    for (let i = 0; 2 * i < dModel; i++) {
      const angle = p * Math.pow(10000, (-2 * i) / dModel);
      row[2 * i] = Math.sin(angle);
      if (2 * i + 1 < dModel) row[2 * i + 1] = Math.cos(angle);
    }
    rows.push(row);
  }
  return tf.tensor2d(rows);
}
