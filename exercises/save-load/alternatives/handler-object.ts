import * as tf from "@tensorflow/tfjs";

// A hand-written IOHandler object with save() and load() methods.
export async function roundTrip(model: tf.LayersModel) {
  let stored: tf.io.ModelArtifacts | null = null;
  const memory: tf.io.IOHandler = {
    save: async (artifacts) => {
      stored = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    },
    load: async () => {
      if (stored === null) throw new Error("nothing saved");
      return stored;
    },
  };
  await model.save(memory);
  return tf.loadLayersModel(memory);
}
