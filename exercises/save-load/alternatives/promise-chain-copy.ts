// Style: no async/await (a promise chain), the artifacts captured through a resolved Promise and deep-copied (topology via JSON, weights via ArrayBuffer.slice) before loading.
import * as tf from "@tensorflow/tfjs";

function copyWeights(data: tf.io.WeightData | undefined): ArrayBuffer | undefined {
  if (data === undefined) return undefined;
  const buffers = Array.isArray(data) ? data : [data];
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer.slice(0);
}

export function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let capture: (a: tf.io.ModelArtifacts) => void = () => undefined;
  const captured = new Promise<tf.io.ModelArtifacts>((resolve) => (capture = resolve));
  const handler = tf.io.withSaveHandler((artifacts) => {
    capture(artifacts);
    return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" as const } });
  });
  return model
    .save(handler)
    .then(() => captured)
    .then((a) => tf.loadLayersModel(tf.io.fromMemory({ ...a, modelTopology: JSON.parse(JSON.stringify(a.modelTopology)), weightData: copyWeights(a.weightData) })));
}
