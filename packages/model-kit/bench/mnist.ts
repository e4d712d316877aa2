import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { selectBackend } from "../src/backend/select.ts";
import { MNIST_RECIPE, trainMnistCnn, type MnistEpochEvent } from "../src/mnist/cnn.ts";
import { readMnist } from "../src/mnist/load.ts";

/**
 * `pnpm bench --only mnist`: trains the lesson-5 CNN exactly as its demo does (trainMnistCnn,
 * MNIST_RECIPE) on the kit's selected backend, wasm first, and measures it on the held-out digits.
 */
export const MnistBenchResultSchema = z.object({
  /** Held-out accuracy in [0, 1]. */
  testAccuracy: z.number().min(0).max(1),
  /** Wall time of the training epochs. */
  trainSeconds: z.number().nonnegative(),
  backend: z.string(),
  /** Training images (the held-out rest of the 10,000 digits is the test set). */
  examples: z.number().int().positive(),
});
export type MnistBenchResult = z.infer<typeof MnistBenchResultSchema>;

/** What the table adds to the JSON figures (stderr only, so the JSON stays exactly the four keys). */
export interface MnistBenchDetail {
  testExamples: number;
  /** Process CPU time of the whole run (data, training, evaluation): robust to a loaded machine. */
  cpuSeconds: number;
  history: MnistEpochEvent[];
}

export async function runMnistBench(opts: { onProgress?: (message: string) => void } = {}): Promise<{ result: MnistBenchResult; detail: MnistBenchDetail }> {
  const previous = tf.getBackend();
  const backend = await selectBackend({ prefer: ["wasm", "cpu"] });
  try {
    const cpu0 = process.cpuUsage();
    const data = await readMnist();
    opts.onProgress?.(`mnist: ${data.count} digits, training on ${backend}`);
    const run = await trainMnistCnn({
      data,
      onEpoch: (e) => opts.onProgress?.(`mnist: epoch ${e.epoch + 1}/${MNIST_RECIPE.epochs} loss ${e.loss.toFixed(4)} train accuracy ${e.accuracy.toFixed(4)}`),
    });
    run.model.dispose();
    const cpu = process.cpuUsage(cpu0);
    const result = MnistBenchResultSchema.parse({ testAccuracy: run.testAccuracy, trainSeconds: run.trainSeconds, backend, examples: run.trainExamples });
    return { result, detail: { testExamples: run.testExamples, cpuSeconds: (cpu.user + cpu.system) / 1e6, history: run.history } };
  } finally {
    if (previous) await tf.setBackend(previous);
  }
}

export function formatMnistTable(result: MnistBenchResult, detail: MnistBenchDetail): string {
  const r = MNIST_RECIPE;
  return [
    "mnist (lesson-5 CNN)",
    `test accuracy   ${(result.testAccuracy * 100).toFixed(2)} % on ${detail.testExamples} held-out digits (target >= 97 %)`,
    `train time      ${result.trainSeconds.toFixed(1)} s wall on ${result.backend} (target <= 60 s); ${detail.cpuSeconds.toFixed(1)} s CPU for the whole run`,
    `training images ${result.examples}; ${r.epochs} epochs, batch ${r.batchSize}, Adam ${r.learningRate}, split seed ${r.splitSeed}`,
    ...detail.history.map((e) => `  epoch ${e.epoch + 1}: loss ${e.loss.toFixed(4)}, train accuracy ${(e.accuracy * 100).toFixed(2)} %`),
  ].join("\n");
}
