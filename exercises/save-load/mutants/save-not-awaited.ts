import * as tf from "@tensorflow/tfjs";

// Forgets to await model.save: the artifacts are not there yet when loading.
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  void model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      await new Promise((r) => setTimeout(r, 0));
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
}
