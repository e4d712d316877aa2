import * as tf from "@tensorflow/tfjs";

// Plain JavaScript arithmetic on the downloaded values (async export), stable per row.
export async function softmax(logits: tf.Tensor2D): Promise<tf.Tensor2D> {
  const rows = (await logits.array()) as number[][];
  const out = rows.map((row) => {
    const m = Math.max(...row);
    const e = row.map((z) => Math.exp(z - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
  return tf.tensor2d(out, logits.shape, "float32");
}
