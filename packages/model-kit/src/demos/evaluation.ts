import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { confusionMatrix, fitStandardizer, kFoldIndices, standardize } from "../reference/data.ts";
import { createRng } from "../rng.ts";

/**
 * Lesson 10: k-fold cross-validation of a softmax-regression classifier, scored on the out-of-fold
 * predictions: every row is predicted by the model that did not see it. The splitting and the
 * confusion matrix are course exercises (k-fold, classification-metrics), so a demo can pass the
 * reader's own versions in `blocks`.
 */
export interface Fold {
  train: number[];
  val: number[];
}
type MaybePromise<T> = T | Promise<T>;

export interface EvaluationBlocks {
  kFold: (n: number, k: number) => MaybePromise<Fold[]>;
  confusion: (yTrue: number[], yPred: number[], numClasses: number) => MaybePromise<number[][]>;
}
export const REFERENCE_BLOCKS: EvaluationBlocks = { kFold: kFoldIndices, confusion: confusionMatrix };

const OptionsSchema = z.object({
  k: z.number().int().min(2).max(20).default(5),
  /** Seeds the shuffle before splitting (kFoldIndices makes contiguous folds of the rows it is given). */
  seed: z.number().int().min(0).max(2 ** 31).default(1),
  /** Shuffle the rows before splitting; off, sorted data gives folds missing whole classes. */
  shuffle: z.boolean().default(true),
  steps: z.number().int().min(1).max(2000).default(150),
  learningRate: z.number().positive().max(10).default(0.1),
  /** The class scored one-vs-rest by the ROC curve. */
  positive: z.number().int().min(0).default(1),
});
export type EvaluationOptions = z.input<typeof OptionsSchema>;

export interface FoldResult {
  fold: number;
  /** Row numbers of the dataset (after the shuffle) in the fold's training and validation parts. */
  train: number[];
  val: number[];
  accuracy: number;
}

export interface RocPoint {
  fpr: number;
  tpr: number;
  threshold: number;
}

export interface EvaluationResult {
  /** Dataset row at each position: kFold's indices are positions in this order. */
  order: number[];
  folds: FoldResult[];
  /** Out-of-fold predicted class and probability of the positive class, per dataset row. */
  predicted: number[];
  positiveScore: number[];
  confusion: number[][];
  accuracy: number;
  roc: RocPoint[];
  auc: number;
}

/** ROC points from (0, 0) to (1, 1), one per distinct score (ties move together), and the AUC. */
export function rocCurve(scores: readonly number[], positive: readonly boolean[]): { roc: RocPoint[]; auc: number } {
  if (scores.length !== positive.length) throw new RangeError(`${scores.length} scores for ${positive.length} labels`);
  const p = positive.filter(Boolean).length;
  const n = positive.length - p;
  if (p === 0 || n === 0) throw new RangeError("a ROC curve needs both positive and negative examples");
  const order = scores.map((s, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const roc: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Number.POSITIVE_INFINITY }];
  let tp = 0, fp = 0, auc = 0;
  for (let i = 0; i < order.length; ) {
    const threshold = scores[order[i] as number] as number;
    for (; i < order.length && scores[order[i] as number] === threshold; i++) {
      if (positive[order[i] as number]) tp++;
      else fp++;
    }
    const prev = roc.at(-1) as RocPoint;
    const point = { fpr: fp / n, tpr: tp / p, threshold };
    auc += ((point.fpr - prev.fpr) * (point.tpr + prev.tpr)) / 2;
    roc.push(point);
  }
  return { roc, auc };
}

/** Checks folds from possibly wrong code enough to use them: integer positions in [0, n), a non-empty val. */
function usableFolds(folds: unknown, n: number, k: number): Fold[] {
  const position = z.number().int().min(0).max(n - 1);
  const parsed = z.array(z.object({ train: z.array(position).min(1), val: z.array(position).min(1) })).safeParse(folds);
  if (!parsed.success) throw new RangeError(`kFoldIndices(${n}, ${k}) did not return usable folds: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.length !== k) throw new RangeError(`kFoldIndices(${n}, ${k}) returned ${parsed.data.length} folds`);
  return parsed.data;
}

/** Softmax regression on standardized features, full-batch Adam; returns validation probabilities. */
function fitPredict(x: number[][], y: number[], classes: number, train: number[], val: number[], steps: number, lr: number, seed: number): number[][] {
  return tf.tidy(() => {
    const xt = tf.tensor2d(train.map((i) => x[i] as number[]));
    const s = fitStandardizer(xt);
    const xs = standardize(xt, s);
    const yt = tf.oneHot(tf.tensor1d(train.map((i) => y[i] as number), "int32"), classes);
    const rng = createRng(seed);
    const w = tf.variable(rng.normal([xs.shape[1], classes], 0, 0.1));
    const b = tf.variable(tf.zeros([classes]));
    const optimizer = tf.train.adam(lr);
    for (let step = 0; step < steps; step++) {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yt, tf.add(tf.matMul(xs, w), b)) as tf.Scalar, false, [w, b]);
    }
    const probs = tf.softmax(tf.add(tf.matMul(standardize(tf.tensor2d(val.map((i) => x[i] as number[])), s), w), b)).arraySync() as number[][];
    optimizer.dispose();
    tf.dispose([w, b]);
    return probs;
  });
}

/** Runs the cross-validation; onFold sees each fold as it finishes (a demo draws and yields there). */
export async function crossValidate(
  data: { x: number[][]; y: number[]; classes: number },
  options: EvaluationOptions = {},
  blocks: EvaluationBlocks = REFERENCE_BLOCKS,
  onFold?: (f: FoldResult) => void | Promise<void>,
): Promise<EvaluationResult> {
  const o = OptionsSchema.parse(options);
  const n = data.x.length;
  if (data.y.length !== n) throw new RangeError(`${n} rows but ${data.y.length} labels`);
  if (o.positive >= data.classes) throw new RangeError(`positive class ${o.positive} is not one of ${data.classes}`);
  const rows = Array.from({ length: n }, (_, i) => i);
  const order = o.shuffle ? createRng(o.seed).shuffle(rows) : rows;
  const folds = usableFolds(await blocks.kFold(n, o.k), n, o.k);
  const predicted = new Array<number>(n).fill(-1);
  const positiveScore = new Array<number>(n).fill(0);
  const results: FoldResult[] = [];
  for (const [fold, f] of folds.entries()) {
    const train = f.train.map((p) => order[p] as number);
    const val = f.val.map((p) => order[p] as number);
    const probs = fitPredict(data.x, data.y, data.classes, train, val, o.steps, o.learningRate, o.seed + fold);
    let correct = 0;
    val.forEach((row, j) => {
      const pr = probs[j] as number[];
      const cls = pr.indexOf(Math.max(...pr));
      predicted[row] = cls;
      positiveScore[row] = pr[o.positive] as number;
      if (cls === data.y[row]) correct++;
    });
    const result = { fold, train, val, accuracy: correct / val.length };
    results.push(result);
    await onFold?.(result);
  }
  // Rows no fold validated (possible with wrong folds) are left out of the scores.
  const scored = rows.filter((r) => (predicted[r] as number) >= 0);
  const yTrue = scored.map((r) => data.y[r] as number);
  const yPred = scored.map((r) => predicted[r] as number);
  const confusion = await blocks.confusion(yTrue, yPred, data.classes);
  const accuracy = scored.length === 0 ? 0 : yTrue.filter((t, i) => t === yPred[i]).length / scored.length;
  const { roc, auc } = rocCurve(scored.map((r) => positiveScore[r] as number), yTrue.map((t) => t === o.positive));
  return { order, folds: results, predicted, positiveScore, confusion, accuracy, roc, auc };
}
