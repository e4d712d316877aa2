// Style: forward gathers the flattened ids and reshapes; backward is one masked sum per vocabulary row (broadcast equal(ids, v)), stacked.
import * as tf from "@tensorflow/tfjs";

export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor3D {
  const [n, t] = ids.shape;
  return tf.tidy(() => tf.gather(table, ids.flatten()).reshape([n, t, table.shape[1]]));
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows: tf.Tensor1D[] = [];
    for (let v = 0; v < vocabSize; v++) {
      const mask = tf.equal(ids, tf.scalar(v, "int32")).cast("float32").expandDims(2); // [N, T, 1]
      rows.push(tf.sum(tf.mul(dOut, mask), [0, 1]));
    }
    return tf.stack(rows) as tf.Tensor2D;
  });
}
