import * as tf from "@tensorflow/tfjs";
import { assertRank, takeNumber } from "./util.ts";

/** y = x·w + b, x[N,D], w[D,M], b[M]. */
export function denseForward(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  assertRank(x, 2, "x");
  assertRank(w, 2, "w");
  return tf.tidy(() => tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b));
}

/** Gradients of y = x·w + b given dOut = dL/dy. */
export function denseBackward(dOut: tf.Tensor, x: tf.Tensor, w: tf.Tensor): { dx: tf.Tensor2D; dw: tf.Tensor2D; db: tf.Tensor1D } {
  return tf.tidy(() => ({
    dx: tf.matMul(dOut as tf.Tensor2D, w as tf.Tensor2D, false, true),
    dw: tf.matMul(x as tf.Tensor2D, dOut as tf.Tensor2D, true, false),
    db: tf.sum(dOut, 0) as tf.Tensor1D,
  }));
}

/** loss = mean((pred - target)²), dPred = 2(pred - target)/size. */
export function mseLoss(pred: tf.Tensor, target: tf.Tensor): { loss: number; dPred: tf.Tensor } {
  if (!tf.util.arraysEqual(pred.shape, target.shape)) throw new RangeError("target must have pred's shape");
  const diff = tf.sub(pred, target);
  const loss = takeNumber(tf.tidy(() => tf.mean(tf.square(diff))));
  const dPred = tf.tidy(() => tf.mul(diff, 2 / pred.size));
  diff.dispose();
  return { loss, dPred };
}

/**
 * Full-batch gradient descent on L = (1/N) Σ (x_n·w + b - y_n)² from w = 0, b = 0.
 * losses[i] is the loss before step i.
 */
export function fitLinearRegression(x: tf.Tensor, y: tf.Tensor, lr: number, steps: number): { w: tf.Tensor1D; b: number; losses: number[] } {
  assertRank(x, 2, "x");
  const [n, d] = x.shape as [number, number];
  let w: tf.Tensor2D = tf.zeros([d, 1]);
  let b: tf.Scalar = tf.scalar(0);
  const yCol = tf.reshape(y, [n, 1]);
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const [loss, w2, b2] = tf.tidy(() => {
      const r = tf.sub(tf.add(tf.matMul(x as tf.Tensor2D, w), b), yCol);
      const l = tf.mean(tf.square(r));
      const dw = tf.mul(tf.matMul(x as tf.Tensor2D, r, true, false), 2 / n);
      const db = tf.mul(tf.mean(r), 2);
      return [l, tf.sub(w, tf.mul(dw, lr)) as tf.Tensor2D, tf.sub(b, tf.mul(db, lr)) as tf.Scalar] as const;
    });
    losses.push(takeNumber(loss));
    w.dispose();
    b.dispose();
    w = w2;
    b = b2;
  }
  yCol.dispose();
  const w1 = tf.reshape(w, [d]) as tf.Tensor1D;
  w.dispose();
  return { w: w1, b: takeNumber(b), losses };
}

export interface MlpParams {
  w1: tf.Tensor;
  b1: tf.Tensor;
  w2: tf.Tensor;
  b2: tf.Tensor;
}

/**
 * One plain SGD step of a 2-layer sigmoid MLP with mean-squared-error loss over all elements.
 * Returns the new parameters and the loss before the step.
 */
export function mlpTrainStep(params: MlpParams, x: tf.Tensor, y: tf.Tensor, lr: number): { params: MlpParams; loss: number } {
  const { w1, b1, w2, b2 } = params;
  const [lossT, next] = tf.tidy(() => {
    const h = tf.sigmoid(tf.add(tf.matMul(x as tf.Tensor2D, w1 as tf.Tensor2D), b1));
    const out = tf.sigmoid(tf.add(tf.matMul(h, w2 as tf.Tensor2D), b2));
    const diff = tf.sub(out, y);
    const loss = tf.mean(tf.square(diff));
    const dOut = tf.mul(diff, 2 / out.size);
    const dz2 = tf.mul(dOut, tf.mul(out, tf.sub(1, out)));
    const dw2 = tf.matMul(h, dz2, true, false);
    const db2 = tf.sum(dz2, 0);
    const dh = tf.matMul(dz2, w2 as tf.Tensor2D, false, true);
    const dz1 = tf.mul(dh, tf.mul(h, tf.sub(1, h)));
    const dw1 = tf.matMul(x as tf.Tensor2D, dz1, true, false);
    const db1 = tf.sum(dz1, 0);
    const step = (p: tf.Tensor, g: tf.Tensor): tf.Tensor => tf.sub(p, tf.mul(g, lr));
    return [loss, { w1: step(w1, dw1), b1: step(b1, db1), w2: step(w2, dw2), b2: step(b2, db2) }] as const;
  });
  return { params: next, loss: takeNumber(lossT) };
}
