import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { createRng } from "./rng.ts";

/** A hand-built model: its trainable variables and a loss over one batch. */
export interface ParamsModel {
  params: tf.Variable[];
  loss: (xb: tf.Tensor, yb: tf.Tensor) => tf.Scalar;
  /** Needed only for the "accuracy" metric. */
  predict?: (xb: tf.Tensor) => tf.Tensor;
}

export type LossName = "meanSquaredError" | "categoricalCrossentropy" | "softmaxCrossEntropy";
export type LossFn = LossName | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar);

export interface EpochEvent {
  epoch: number;
  loss: number;
  accuracy?: number;
}

export interface BatchEvent {
  epoch: number;
  batch: number;
  size: number;
  loss: number;
}

export interface TrainLoopOptions {
  model: tf.LayersModel | ParamsModel;
  x: tf.Tensor;
  y: tf.Tensor;
  epochs: number;
  batchSize: number;
  /** Seeds the per-epoch shuffle: same seed, same batches, on every backend. */
  seed: number;
  /** Default: Adam(1e-3), created and disposed by the loop. A given optimizer is left to its owner. */
  optimizer?: tf.Optimizer;
  /**
   * For a LayersModel: the loss on (yTrue, yPred). Default "categoricalCrossentropy" (on probabilities)
   * when y is [N, K>1], else "meanSquaredError". Ignored for a ParamsModel, which brings its own.
   */
  lossFn?: LossFn;
  metrics?: "accuracy"[];
  /** Shuffle each epoch (default true). */
  shuffle?: boolean;
  onEpoch?: (e: EpochEvent) => void;
  /**
   * Called after each batch with the batch loss (reading it costs one device sync per batch). A
   * returned promise is awaited: a demo can yield to its event loop there.
   */
  onBatch?: (e: BatchEvent) => void | Promise<void>;
  /**
   * Stops training before the next batch once aborted (a demo's Stop button). The unfinished epoch
   * is not recorded; the result says `stopped: true`.
   */
  signal?: AbortSignal;
}

export interface TrainLoopResult {
  history: { loss: number[]; accuracy?: number[] };
  /** True when `signal` stopped training before the last epoch finished. */
  stopped: boolean;
}

const optionsSchema = z.object({
  epochs: z.number().int().nonnegative(),
  batchSize: z.number().int().positive(),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  metrics: z.array(z.literal("accuracy")).optional(),
  shuffle: z.boolean().optional(),
});

function isLayersModel(m: TrainLoopOptions["model"]): m is tf.LayersModel {
  return m instanceof tf.LayersModel;
}

function resolveLoss(lossFn: LossFn | undefined, y: tf.Tensor): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar {
  const name = lossFn ?? (y.rank === 2 && (y.shape[1] as number) > 1 ? "categoricalCrossentropy" : "meanSquaredError");
  if (typeof name === "function") return name;
  switch (name) {
    case "meanSquaredError":
      return (t, p) => tf.mean(tf.square(tf.sub(p, t)));
    case "categoricalCrossentropy":
      return (t, p) => tf.mean(tf.metrics.categoricalCrossentropy(t, p)) as tf.Scalar;
    case "softmaxCrossEntropy":
      return (t, p) => tf.losses.softmaxCrossEntropy(t, p) as tf.Scalar;
  }
}

/** Number of rows whose prediction matches: argmax for [N,K>1], threshold 0.5 for one output. */
function correctCount(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const k = yPred.rank === 1 ? 1 : (yPred.shape[yPred.rank - 1] as number);
    let predicted: tf.Tensor;
    let truth: tf.Tensor;
    if (k === 1) {
      predicted = tf.cast(tf.greater(tf.reshape(yPred, [-1]), 0.5), "int32");
      truth = tf.cast(tf.round(tf.reshape(yTrue, [-1])), "int32");
    } else {
      predicted = tf.argMax(yPred, -1);
      truth = yTrue.rank === yPred.rank ? tf.argMax(yTrue, -1) : tf.cast(yTrue, "int32");
    }
    return tf.sum(tf.cast(tf.equal(predicted, truth), "float32")) as tf.Scalar;
  });
}

/**
 * Mini-batch training with a seeded shuffle, per-epoch loss (sample-weighted mean of the batch
 * losses, each taken before its update) and optional accuracy. Every intermediate tensor is
 * disposed: tf.memory().numTensors is the same before and after (apart from slot variables of an
 * optimizer the caller owns).
 */
export async function trainLoop(opts: TrainLoopOptions): Promise<TrainLoopResult> {
  const { epochs, batchSize, seed, metrics, shuffle } = optionsSchema.parse(opts);
  const { model, x, y, onEpoch, onBatch, signal } = opts;
  const n = x.shape[0] as number;
  if (y.shape[0] !== n) throw new RangeError(`x has ${n} rows but y has ${String(y.shape[0])}`);
  if (n === 0) throw new RangeError("no training rows");
  const wantAccuracy = metrics?.includes("accuracy") ?? false;

  let varList: tf.Variable[];
  let lossOf: (xb: tf.Tensor, yb: tf.Tensor) => { loss: tf.Scalar; pred?: tf.Tensor };
  if (isLayersModel(model)) {
    const loss = resolveLoss(opts.lossFn, y);
    varList = model.trainableWeights.map((w) => w.read() as tf.Variable);
    lossOf = (xb, yb) => {
      const pred = model.apply(xb, { training: true }) as tf.Tensor;
      return { loss: loss(yb, pred), pred };
    };
  } else {
    if (wantAccuracy && model.predict === undefined) throw new TypeError("the accuracy metric needs model.predict");
    varList = model.params;
    lossOf = (xb, yb) => ({ loss: model.loss(xb, yb), pred: wantAccuracy ? model.predict?.(xb) : undefined });
  }

  const ownOptimizer = opts.optimizer === undefined;
  const optimizer = opts.optimizer ?? tf.train.adam(1e-3);
  const order = createRng(seed).fork("trainLoop/shuffle");
  const all = Array.from({ length: n }, (_, i) => i);
  const history: TrainLoopResult["history"] = { loss: [], ...(wantAccuracy ? { accuracy: [] } : {}) };

  let stopped = false;
  try {
    for (let epoch = 0; epoch < epochs && !stopped; epoch++) {
      const indices = shuffle === false ? all : order.shuffle(all);
      let lossSum: tf.Scalar = tf.scalar(0);
      let correct: tf.Scalar = tf.scalar(0);
      for (let start = 0, batch = 0; start < n; start += batchSize, batch++) {
        if (signal?.aborted === true) {
          stopped = true;
          break;
        }
        const size = Math.min(batchSize, n - start);
        const [xb, yb] = tf.tidy(() => {
          const idx = tf.tensor1d(indices.slice(start, start + size), "int32");
          return [tf.gather(x, idx), tf.gather(y, idx)];
        });
        let batchCorrect: tf.Scalar | undefined;
        const cost = optimizer.minimize(
          () => {
            const { loss, pred } = lossOf(xb, yb);
            if (wantAccuracy && pred !== undefined) batchCorrect = tf.keep(correctCount(yb, pred));
            return loss;
          },
          true,
          varList,
        );
        tf.dispose([xb, yb]);
        if (cost === null) throw new Error("optimizer.minimize returned no cost");
        const next = tf.tidy(() => tf.add(lossSum, tf.mul(cost, size)) as tf.Scalar);
        lossSum.dispose();
        lossSum = next;
        if (batchCorrect !== undefined) {
          const c = tf.add(correct, batchCorrect) as tf.Scalar;
          tf.dispose([correct, batchCorrect]);
          correct = c;
        }
        const batchLoss = onBatch === undefined ? 0 : ((await cost.data())[0] as number);
        cost.dispose();
        if (onBatch !== undefined) await onBatch({ epoch, batch, size, loss: batchLoss });
      }
      if (stopped) {
        tf.dispose([lossSum, correct]);
        break;
      }
      const loss = ((await lossSum.data())[0] as number) / n;
      const accuracy = wantAccuracy ? ((await correct.data())[0] as number) / n : undefined;
      tf.dispose([lossSum, correct]);
      history.loss.push(loss);
      if (accuracy !== undefined) history.accuracy?.push(accuracy);
      onEpoch?.(accuracy === undefined ? { epoch, loss } : { epoch, loss, accuracy });
      await tf.nextFrame(); // let a live demo repaint / the event loop breathe between epochs
    }
  } finally {
    if (ownOptimizer) optimizer.dispose();
  }
  return { history, stopped };
}
