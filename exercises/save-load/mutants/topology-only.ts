import * as tf from "@tensorflow/tfjs";

// Rebuilds the topology but loses the weights (fresh random initialisation).
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  return tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as never });
}
