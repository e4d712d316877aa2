import type * as tf from "@tensorflow/tfjs";

/** Save through an in-memory IO handler and load the model back. */
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  // TODO: tf.io.withSaveHandler, then tf.loadLayersModel(tf.io.fromMemory(...)).
  return model;
}
