import * as tf from "@tensorflow/tfjs";

// Identity via x + 0, clipping written with minimum/maximum.
export const clipGradient = (x: tf.Tensor, clip: number): tf.Tensor =>
  tf.customGrad((...args) => {
    const t = args[0] as tf.Tensor;
    return {
      value: t.add(0),
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => tf.minimum(tf.maximum(dy as tf.Tensor, -clip), clip),
    };
  })(x);
