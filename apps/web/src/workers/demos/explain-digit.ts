/**
 * Lesson 12: why the lesson-5 CNN says what it says about one held-out digit — saliency (gradient
 * magnitude), occlusion (probability drop under a blanked 5×5 patch) and a LIME-style linear fit
 * over 4×4 super-pixels — and the model's round trip through the browser's storage: saved to
 * IndexedDB, loaded back as a second model, predictions compared.
 */
import * as tf from "@tensorflow/tfjs";
import { trainMnistCnn } from "../../../../../packages/model-kit/src/mnist/cnn.ts";
import { limeExplanation, occlusionMap, predictImage, saliencyMap, SIDE } from "../../../../../packages/model-kit/src/mnist/inspect.ts";
import { splitHeldOut } from "../../../../../packages/model-kit/src/mnist/split.ts";
import { mnistImage } from "../../../../../packages/model-kit/src/mnist/tensors.ts";
import type { DemoComputation } from "../demo-context.ts";
import { adoptTrained, currentModel, loadDigits, SAVED_MODEL_URL, type ModelSource } from "./mnist-model.ts";

export type ExplainFrame =
  | { kind: "status"; stage: "training" }
  | {
      kind: "explained";
      source: ModelSource | "trained-here";
      label: number;
      predicted: number;
      probability: number;
      image: number[][];
      saliency: number[][];
      occlusion: number[][];
      lime: number[][];
      /** The saved copy loaded back from IndexedDB: its largest probability difference, or why it failed. */
      roundTrip: { maxDiff: number; weightBytes: number } | { error: string };
    };

const rows = (v: ArrayLike<number>): number[][] => Array.from({ length: SIDE }, (_, r) => Array.from({ length: SIDE }, (_, c) => v[r * SIDE + c] as number));

export const explainDigit: DemoComputation<"explain-digit", ExplainFrame> = async (params, ctx) => {
  const data = await loadDigits();
  let { model, source }: { model: tf.LayersModel; source: ModelSource | "trained-here" } = await currentModel();
  if (source === "untrained") {
    // Nothing trained in this browser yet: a short training (3,000 digits, 2 epochs) first.
    ctx.emit({ kind: "status", stage: "training" });
    const run = await trainMnistCnn({ data, recipe: { trainLimit: 3000, epochs: 2 }, onBatch: async (b) => (b.batch % 10 === 0 ? ctx.tick() : undefined) });
    await adoptTrained(run.model);
    model = run.model;
    source = "trained-here";
  }
  const test = splitHeldOut(data.labels, { testFraction: 0.1, seed: 1 }).test;
  const index = test[params.sample % test.length] as number;
  const image = mnistImage(data, index);
  const probabilities = predictImage(model, image);
  const predicted = probabilities.indexOf(Math.max(...probabilities));
  const saliency = saliencyMap(model, image, predicted);
  await ctx.tick();
  const occlusion = occlusionMap(model, image, predicted, 5);
  await ctx.tick();
  const lime = limeExplanation(model, image, predicted, { cell: 4, samples: 300, seed: 1 });
  let roundTrip: { maxDiff: number; weightBytes: number } | { error: string };
  try {
    const saved = await model.save(SAVED_MODEL_URL);
    const loaded = await tf.loadLayersModel(SAVED_MODEL_URL);
    const again = predictImage(loaded, image);
    loaded.dispose();
    roundTrip = { maxDiff: Math.max(...again.map((p, i) => Math.abs(p - (probabilities[i] as number)))), weightBytes: saved.modelArtifactsInfo.weightDataBytes ?? 0 };
  } catch (e) {
    roundTrip = { error: e instanceof Error ? e.message : String(e) };
  }
  ctx.emit({
    kind: "explained",
    source,
    label: data.labels[index] as number,
    predicted,
    probability: probabilities[predicted] as number,
    image: rows(image),
    saliency: rows(saliency),
    occlusion: rows(occlusion),
    lime: rows(lime.pixels),
    roundTrip,
  });
};
