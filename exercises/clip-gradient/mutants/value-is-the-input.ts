import * as tf from "@tensorflow/tfjs";

// customGrad's value is the input tensor itself: tfjs adds the unclipped identity gradient to the clipped one.
export function clipGradient(x: tf.Tensor, clip: number): tf.Tensor {
  const op = tf.customGrad((input) => {
    const t = input as tf.Tensor;
    return { value: t, gradFunc: (dy: tf.Tensor) => tf.clipByValue(dy, -clip, clip) };
  });
  return op(x);
}
