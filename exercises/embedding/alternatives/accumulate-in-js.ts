import * as tf from "@tensorflow/tfjs";

// Forward via a one-hot product; backward accumulated in a Float32Array.
export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D) {
  const [n, t] = ids.shape;
  const [v, d] = table.shape;
  const onehot = tf.oneHot(ids.reshape([n * t]) as tf.Tensor1D, v);
  return onehot.matMul(table).reshape([n, t, d]) as tf.Tensor3D;
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number) {
  const d = dOut.shape[2];
  const g = dOut.dataSync();
  const idv = ids.dataSync();
  const out = new Float32Array(vocabSize * d);
  idv.forEach((id, pos) => {
    for (let j = 0; j < d; j++) out[id * d + j]! += g[pos * d + j]!;
  });
  return tf.tensor2d(out, [vocabSize, d]);
}
