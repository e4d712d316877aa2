/**
 * Lesson 5: the CNN on real MNIST digits. Two kinds of run share the worker's model
 * (./mnist-model.ts):
 * - "inspect": a held-out digit or the reader's drawing goes through the network; the frame holds
 *   the image the network reads, the feature maps of each layer and the ten probabilities. With the
 *   reader's conv2d-forward (or max-pool) switched on, their function computes the first
 *   convolution (or pooling) and the rest of the network runs on its output, so a wrong
 *   implementation shows as wrong maps and a wrong prediction; the check compares with the kit's.
 * - "train": trainMnistCnn (the code `pnpm bench --only mnist` measures) trains a fresh CNN live:
 *   batch losses, per-epoch training and held-out accuracy; the result replaces the current model
 *   and is saved in the browser.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import { trainMnistCnn } from "../../../../../packages/model-kit/src/mnist/cnn.ts";
import { normalizeDrawing, SIDE } from "../../../../../packages/model-kit/src/mnist/inspect.ts";
import { splitHeldOut } from "../../../../../packages/model-kit/src/mnist/split.ts";
import { mnistImage } from "../../../../../packages/model-kit/src/mnist/tensors.ts";
import type { DemoComputation } from "../demo-context.ts";
import { reference } from "../model-kit.ts";
import { adoptTrained, currentModel, loadDigits, type ModelSource } from "./mnist-model.ts";

/** Up to this many maps per layer go to the page. */
export const MAPS_SHOWN = 8;

export interface LayerMaps {
  layer: "conv1" | "pool1" | "conv2" | "pool2";
  /** maps[channel][row][col] */
  maps: number[][][];
  channels: number;
}

export type MnistFrame =
  | { kind: "inspect"; source: ModelSource; image: number[][]; label?: number; probabilities: number[]; layers: LayerMaps[] }
  | { kind: "batch"; step: number; loss: number }
  | { kind: "epoch"; epoch: number; loss: number; accuracy: number; testAccuracy: number }
  | { kind: "trained"; testAccuracy: number; trainSeconds: number; trainExamples: number; testExamples: number; savedBytes?: number; saveError?: string }
  | { kind: "check"; check: OwnCheck };

/** What the view adds to the lesson's parameters for one run. */
export interface MnistRunParams {
  action?: "inspect" | "train";
  /** A drawing's ink in [0, 1], row-major, `drawingSize`² values. */
  drawing?: number[];
  drawingSize?: number;
}

const TEST_SPLIT = { testFraction: 0.1, seed: 1 };

/** [h, w, c] channel-last values → the first `count` channels as [c][h][w]. */
function channels(values: ArrayLike<number>, [h, w, c]: [number, number, number], count: number): number[][][] {
  return Array.from({ length: Math.min(count, c) }, (_, ch) => Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, col) => values[(r * w + col) * c + ch] as number)));
}

async function inspect(tf: typeof tfjs, params: MnistRunParams & { sample: number }, ctx: Parameters<DemoComputation<"mnist-cnn", MnistFrame>>[1]): Promise<void> {
  const data = await loadDigits();
  let image: Float32Array;
  let label: number | undefined;
  if (params.drawing !== undefined && params.drawingSize !== undefined) {
    image = normalizeDrawing(params.drawing, params.drawingSize, params.drawingSize);
  } else {
    const test = splitHeldOut(data.labels, TEST_SPLIT).test;
    const index = test[params.sample % test.length] as number;
    image = mnistImage(data, index);
    label = data.labels[index];
  }
  const { model, source } = await currentModel();
  const ownConv = ctx.isOwn("conv2d-forward");
  const ownPool = ctx.isOwn("max-pool");
  const conv2d = ctx.block("conv2d-forward", "conv2dForward", reference.conv2dForward);
  const maxPool = ctx.block("max-pool", "maxPoolForward", reference.maxPoolForward);
  const [kernel, bias] = model.getLayer("conv1").getWeights() as [tfjs.Tensor4D, tfjs.Tensor1D];
  const keep: tfjs.Tensor[] = [];
  try {
    const scaled = tf.tidy(() => model.getLayer("scale").apply(tf.tensor4d(image, [1, SIDE, SIDE, 1])) as tfjs.Tensor4D);
    keep.push(scaled);
    // conv1 before its relu: the reader's conv2dForward or the kit's reference.
    const pre = (await conv2d(scaled, kernel, bias, 1, 0)) as tfjs.Tensor4D;
    keep.push(pre);
    if (ownConv) {
      const refPre = tf.tidy(() => reference.conv2dForward(scaled, kernel, bias, 1, 0));
      ctx.emit({ kind: "check", check: compareOutputs("conv2d-forward", await pre.data(), await refPre.data(), (i) => `map ${(i % 8) + 1}, row ${Math.floor(i / 8 / 24) + 1}, column ${(Math.floor(i / 8) % 24) + 1}`) });
      refPre.dispose();
    }
    const conv1 = tf.relu(pre);
    keep.push(conv1);
    const pool1 = (await maxPool(conv1, 2, 2)) as tfjs.Tensor4D;
    keep.push(pool1);
    if (ownPool) {
      const refPool = tf.tidy(() => reference.maxPoolForward(conv1, 2, 2));
      ctx.emit({ kind: "check", check: compareOutputs("max-pool", await pool1.data(), await refPool.data(), (i) => `map ${(i % 8) + 1}, cell ${Math.floor(i / 8) + 1}`) });
      refPool.dispose();
    }
    // The rest of the network runs on whatever the first layers produced.
    const rest = tf.tidy(() => {
      const conv2 = model.getLayer("conv2").apply(pool1) as tfjs.Tensor;
      const pool2 = model.getLayer("pool2").apply(conv2) as tfjs.Tensor;
      const probs = model.getLayer("dense").apply(model.getLayer("flatten").apply(pool2)) as tfjs.Tensor;
      return [conv2, pool2, probs];
    });
    keep.push(...rest);
    const [conv2, pool2, probs] = rest as [tfjs.Tensor, tfjs.Tensor, tfjs.Tensor];
    const shapeOf = (t: tfjs.Tensor) => t.shape.slice(1) as [number, number, number];
    const layers: LayerMaps[] = (
      [
        ["conv1", conv1],
        ["pool1", pool1],
        ["conv2", conv2],
        ["pool2", pool2],
      ] as const
    ).map(([layer, t]) => ({ layer, maps: channels(t.dataSync(), shapeOf(t), MAPS_SHOWN), channels: shapeOf(t)[2] }));
    ctx.emit({
      kind: "inspect",
      source,
      image: Array.from({ length: SIDE }, (_, r) => Array.from(image.subarray(r * SIDE, (r + 1) * SIDE))),
      ...(label === undefined ? {} : { label }),
      probabilities: Array.from(await probs.data()),
      layers,
    });
  } finally {
    tf.dispose(keep);
  }
}

async function train(params: { epochs: number; trainLimit: number }, ctx: Parameters<DemoComputation<"mnist-cnn", MnistFrame>>[1]): Promise<void> {
  const data = await loadDigits();
  const stop = new AbortController();
  let step = 0;
  const run = await trainMnistCnn({
    data,
    recipe: { epochs: params.epochs, trainLimit: params.trainLimit, evaluateEachEpoch: true },
    onBatch: async (b) => {
      if (step % 10 === 0) ctx.emit({ kind: "batch", step, loss: b.loss });
      step++;
      // Let a cancel in every few batches; a cancelled run stops cleanly at the next batch.
      if (step % 10 === 0) await ctx.tick().catch(() => stop.abort());
    },
    onEpoch: (e) => ctx.emit({ kind: "epoch", epoch: e.epoch, loss: e.loss, accuracy: e.accuracy, testAccuracy: e.testAccuracy ?? Number.NaN }),
    signal: stop.signal,
  });
  if (run.stopped) {
    run.model.dispose();
    await ctx.tick(); // ends the cancelled run
    return;
  }
  const saved = await adoptTrained(run.model);
  ctx.emit({ kind: "trained", testAccuracy: run.testAccuracy, trainSeconds: run.trainSeconds, trainExamples: run.trainExamples, testExamples: run.testExamples, ...saved });
}

export const mnistCnn: DemoComputation<"mnist-cnn", MnistFrame> = async (params, ctx) => {
  const p = params as typeof params & MnistRunParams;
  if (p.action === "train") await train(p, ctx);
  else await inspect(ctx.tf, p, ctx);
};
