// Style: the artifacts serialised to one JSON string (weights as a number array, as a text-only store would) and parsed back in the load handler.
import * as tf from "@tensorflow/tfjs";

export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let text = "";
  await model.save(
    tf.io.withSaveHandler(async ({ modelTopology, weightSpecs, weightData }) => {
      const bytes = weightData === undefined ? [] : (Array.isArray(weightData) ? weightData : [weightData]).flatMap((b) => Array.from(new Uint8Array(b)));
      text = JSON.stringify({ modelTopology, weightSpecs, bytes });
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  const loader: tf.io.IOHandler = {
    async load() {
      const parsed = JSON.parse(text) as { modelTopology: object; weightSpecs: tf.io.WeightsManifestEntry[]; bytes: number[] };
      return { modelTopology: parsed.modelTopology, weightSpecs: parsed.weightSpecs, weightData: new Uint8Array(parsed.bytes).buffer };
    },
  };
  return tf.loadLayersModel(loader);
}
