import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import type { MnistData } from "../mnist/format.ts";
import { splitHeldOut } from "../mnist/split.ts";
import { mnistTensors } from "../mnist/tensors.ts";

/**
 * Lesson 11: tfjs's own training API, model.compile + model.fit, watched the way TensorBoard
 * shows a run: per-batch training loss and accuracy, per-epoch validation loss and accuracy.
 * The model is a small MLP on real MNIST digits.
 */

/**
 * TensorBoard's smoothing: an exponential moving average with weight w in [0, 1), debiased so the
 * first points are not pulled towards zero. w = 0 returns the values unchanged.
 */
export function smoothCurve(values: readonly number[], weight: number): number[] {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`smoothing weight must be in [0, 1), got ${weight}`);
  let last = 0;
  return values.map((v, i) => {
    last = last * weight + (1 - weight) * v;
    return last / (1 - weight ** (i + 1));
  });
}

const OptionsSchema = z.object({
  trainSize: z.number().int().min(64).max(9000).default(3000),
  valSize: z.number().int().min(32).max(1000).default(500),
  epochs: z.number().int().min(1).max(30).default(8),
  batchSize: z.number().int().min(8).max(512).default(64),
  hidden: z.number().int().min(4).max(256).default(64),
  learningRate: z.number().positive().max(1).default(0.002),
  seed: z.number().int().min(0).max(2 ** 31).default(1),
});
export type FitCurvesOptions = z.input<typeof OptionsSchema>;

export interface FitCallbacks {
  onBatch?: (e: { step: number; loss: number; accuracy: number }) => void | Promise<void>;
  onEpoch?: (e: { epoch: number; loss: number; accuracy: number; valLoss: number; valAccuracy: number }) => void | Promise<void>;
}

/** Builds, compiles and fits the MLP; stops at the next batch once signal aborts. Leaks no tensors. */
export async function fitWithCurves(data: MnistData, options: FitCurvesOptions, callbacks: FitCallbacks, signal?: AbortSignal): Promise<{ epochs: number }> {
  const o = OptionsSchema.parse(options);
  const split = splitHeldOut(data.labels, { testFraction: 0.1, seed: o.seed });
  const train = mnistTensors(data, split.train.slice(0, o.trainSize));
  const val = mnistTensors(data, split.test.slice(0, o.valSize));
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [28, 28, 1] }),
      tf.layers.dense({ units: o.hidden, activation: "relu", kernelInitializer: tf.initializers.heNormal({ seed: o.seed }) }),
      tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 1 }) }),
    ],
  });
  const optimizer = tf.train.adam(o.learningRate);
  model.compile({ optimizer, loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  let step = 0;
  let epochs = 0;
  try {
    await model.fit(train.x, train.y, {
      epochs: o.epochs,
      batchSize: o.batchSize,
      validationData: [val.x, val.y],
      shuffle: true,
      callbacks: {
        onBatchEnd: async (_batch, logs) => {
          await callbacks.onBatch?.({ step: step++, loss: logs?.loss ?? Number.NaN, accuracy: logs?.acc ?? Number.NaN });
          if (signal?.aborted === true) model.stopTraining = true;
        },
        onEpochEnd: async (epoch, logs) => {
          epochs = epoch + 1;
          await callbacks.onEpoch?.({ epoch, loss: logs?.loss ?? Number.NaN, accuracy: logs?.acc ?? Number.NaN, valLoss: logs?.val_loss ?? Number.NaN, valAccuracy: logs?.val_acc ?? Number.NaN });
        },
      },
    });
  } finally {
    model.dispose();
    optimizer.dispose();
    tf.dispose([train.x, train.y, val.x, val.y]);
  }
  return { epochs };
}
