// A student's mistake: returns the table gradient as [D, V].
// expect: mutant.backward-transposed|diagnosis.transposed
import * as tf from "@tensorflow/tfjs";

export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor3D {
  return tf.gather(table, ids) as unknown as tf.Tensor3D;
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, t, d] = dOut.shape;
    // oneHotᵀ [V, N·T] · dOut [N·T, D]: each row sums the gradients of its id's positions.
    const onehot = tf.oneHot(tf.reshape(ids, [n * t]) as tf.Tensor1D, vocabSize);
    return tf.matMul(tf.reshape(dOut, [n * t, d]), onehot, true, false) as tf.Tensor2D;
  });
}
