// Style: one customGrad op cached per clip value; the gradient clipped in a plain JS loop over dataSync() and rebuilt with tf.tensor.
import * as tf from "@tensorflow/tfjs";

const ops = new Map<number, (x: tf.Tensor) => tf.Tensor>();

function opFor(clip: number): (x: tf.Tensor) => tf.Tensor {
  let op = ops.get(clip);
  if (op === undefined) {
    op = tf.customGrad((x) => ({
      value: (x as tf.Tensor).clone(),
      gradFunc: (dy: tf.Tensor) => {
        const g = Float32Array.from(dy.dataSync(), (v) => Math.min(clip, Math.max(-clip, v)));
        return tf.tensor(g, dy.shape);
      },
    })) as (x: tf.Tensor) => tf.Tensor;
    ops.set(clip, op);
  }
  return op;
}

export function clipGradient(x: tf.Tensor, clip: number): tf.Tensor {
  return opFor(clip)(x);
}
