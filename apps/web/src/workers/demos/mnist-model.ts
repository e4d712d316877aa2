/**
 * What the MNIST demos of one page share inside the demo worker: the digits (fetched once from
 * /data/, decoded here) and the lesson-5 CNN, kept in memory and saved in the browser (IndexedDB),
 * so the model trained in lesson 5 is the one lesson 12 explains, even after a reload.
 */
import * as tf from "@tensorflow/tfjs";
import { MNIST_URL } from "../../lib/lessons/data-files.ts";
import { createMnistCnn } from "../../../../../packages/model-kit/src/mnist/cnn.ts";
import { decodeMnistAsset, type MnistData } from "../../../../../packages/model-kit/src/mnist/format.ts";

export const SAVED_MODEL_URL = "indexeddb://course-lesson5-cnn";

/** Where the current model came from: trained on this page, loaded from the browser, or fresh. */
export type ModelSource = "trained" | "saved" | "untrained";

let digits: Promise<MnistData> | undefined;

export function loadDigits(): Promise<MnistData> {
  digits ??= fetch(MNIST_URL).then(async (response) => {
    if (!response.ok) throw new Error(`The digits could not be loaded (${MNIST_URL} answered ${response.status}).`);
    return decodeMnistAsset(await response.arrayBuffer());
  });
  digits.catch(() => {
    digits = undefined;
  });
  return digits;
}

let current: { model: tf.LayersModel; source: ModelSource } | undefined;

/** The model to look at: the one trained here, else the one saved in the browser, else a fresh one. */
export async function currentModel(): Promise<{ model: tf.LayersModel; source: ModelSource }> {
  if (current !== undefined) return current;
  try {
    const models = await tf.io.listModels();
    if (SAVED_MODEL_URL in models) {
      current = { model: await tf.loadLayersModel(SAVED_MODEL_URL), source: "saved" };
      return current;
    }
  } catch {
    // No IndexedDB (a private window, say): start from a fresh model.
  }
  current = { model: createMnistCnn(1), source: "untrained" };
  return current;
}

/** Makes a freshly trained model the current one and saves it in the browser; returns the save's size. */
export async function adoptTrained(model: tf.LayersModel): Promise<{ savedBytes: number } | { saveError: string }> {
  const old = current?.model;
  current = { model, source: "trained" };
  if (old !== undefined && old !== model) old.dispose();
  try {
    const result = await model.save(SAVED_MODEL_URL);
    return { savedBytes: result.modelArtifactsInfo.weightDataBytes ?? 0 };
  } catch (e) {
    return { saveError: e instanceof Error ? e.message : String(e) };
  }
}
