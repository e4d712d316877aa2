import * as tf from "@tensorflow/tfjs";

/** Save through an in-memory IO handler and load the model back. */
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (saved === undefined) throw new Error("save handler was not called");
  return tf.loadLayersModel(tf.io.fromMemory(saved));
}
