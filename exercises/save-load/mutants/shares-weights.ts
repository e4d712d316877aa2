import * as tf from "@tensorflow/tfjs";

// Wraps the original's layers in a new model: a new object, but it shares the original's weights.
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  return tf.sequential({ layers: model.layers });
}
