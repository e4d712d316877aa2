import * as tf from "@tensorflow/tfjs";

// Gathers along the wrong axis of the table.

export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor3D {
  return tf.transpose(tf.gather(tf.transpose(table), tf.minimum(ids, table.shape[1] - 1), 0), [1, 2, 0]) as unknown as tf.Tensor3D;
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, t, d] = dOut.shape;
    // oneHotᵀ [V, N·T] · dOut [N·T, D]: each row sums the gradients of its id's positions.
    const onehot = tf.oneHot(tf.reshape(ids, [n * t]) as tf.Tensor1D, vocabSize);
    return tf.matMul(onehot, tf.reshape(dOut, [n * t, d]), true, false) as tf.Tensor2D;
  });
}
