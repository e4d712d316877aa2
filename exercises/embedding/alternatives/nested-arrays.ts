// Style: arraySync() into nested JS arrays, lookups and float64 sums in loops, tf.tensor3d / tf.tensor2d back; no tf.tidy.
import * as tf from "@tensorflow/tfjs";

export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor3D {
  const rows = table.arraySync();
  const out = ids.arraySync().map((seq) => seq.map((id) => rows[id]!.slice()));
  return tf.tensor3d(out, [ids.shape[0], ids.shape[1], table.shape[1]]);
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number): tf.Tensor2D {
  const d = dOut.shape[2];
  const grads = dOut.arraySync();
  const grad: number[][] = Array.from({ length: vocabSize }, () => Array<number>(d).fill(0));
  ids.arraySync().forEach((seq, n) =>
    seq.forEach((id, t) => {
      for (let j = 0; j < d; j++) grad[id]![j]! += grads[n]![t]![j]!;
    }),
  );
  return tf.tensor2d(grad, [vocabSize, d]);
}
