import * as tf from "@tensorflow/tfjs";

// Row by row with tensor methods, then stacked back together.
export const softmax = (logits: tf.Tensor2D): tf.Tensor2D =>
  tf.stack(
    tf.unstack(logits).map((row) => {
      const e = row.sub(row.max()).exp();
      return e.div(e.sum());
    }),
  ) as tf.Tensor2D;
