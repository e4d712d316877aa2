/**
 * Lesson 2: full-batch gradient descent on the (w, b) loss surface of a one-feature linear
 * regression, L = mean((w·x + b - y)²). The gradient comes from mseLoss's dPred by the chain rule:
 * dL/dw = Σ dPred·x, dL/db = Σ dPred. With the reader's `mse-loss` switched on, their mseLoss
 * drives the descent and the reference's path is drawn beside it.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import type { DemoComputation, DemoContext } from "../demo-context.ts";
import { createRng, reference } from "../model-kit.ts";

export const GD_GRID = { wMin: -1, wMax: 4, bMin: -3, bMax: 2, n: 31 } as const;
export const GD_START = { w: -0.5, b: 1.5 } as const;

export type GradientDescentFrame =
  | { kind: "surface"; loss: number[][] }
  | { kind: "step"; step: number; w: number; b: number; loss: number; refW?: number; refB?: number; refLoss?: number }
  | { kind: "check"; check: OwnCheck };

const EXERCISE = "mse-loss";

function dataset(tf: typeof tfjs) {
  const rng = createRng(2);
  const n = 24;
  const xs = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  const ys = xs.map((x) => 2.5 * x - 1 + 0.3 * (rng.next() * 2 - 1));
  return { x: tf.tensor1d(xs), y: tf.tensor1d(ys), xs, ys };
}

const lossAt = (xs: number[], ys: number[], w: number, b: number) => xs.reduce((s, x, i) => s + (w * x + b - (ys[i] ?? 0)) ** 2, 0) / xs.length;

type MseLoss = (pred: tfjs.Tensor, target: tfjs.Tensor) => Promise<{ loss: number | tfjs.Tensor; dPred: tfjs.Tensor }>;

/** One step from (w, b): the loss before the step and the new point. */
async function step(ctx: DemoContext<GradientDescentFrame>, mse: MseLoss, x: tfjs.Tensor, y: tfjs.Tensor, w: number, b: number, lr: number) {
  const { tf } = ctx;
  const pred = tf.tidy(() => tf.add(tf.mul(x, w), b));
  const out = await mse(pred, y);
  try {
    const loss = typeof out.loss === "number" ? out.loss : (await out.loss.data())[0] ?? Number.NaN;
    const [dw, db] = tf.tidy(() => [tf.sum(tf.mul(out.dPred, x)).dataSync()[0] ?? Number.NaN, tf.sum(out.dPred).dataSync()[0] ?? Number.NaN]);
    return { loss, w: w - lr * (dw ?? Number.NaN), b: b - lr * (db ?? Number.NaN), grads: [dw ?? Number.NaN, db ?? Number.NaN] };
  } finally {
    tf.dispose([pred, out as unknown as tfjs.TensorContainer]);
  }
}

export const gradientDescent: DemoComputation<"gradient-descent", GradientDescentFrame> = async (params, ctx) => {
  const { tf } = ctx;
  const { x, y, xs, ys } = dataset(tf);
  try {
    const { wMin, wMax, bMin, bMax, n } = GD_GRID;
    const loss = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => lossAt(xs, ys, wMin + ((wMax - wMin) * c) / (n - 1), bMax - ((bMax - bMin) * r) / (n - 1))));
    ctx.emit({ kind: "surface", loss });
    const own = ctx.isOwn(EXERCISE);
    const mse = ctx.block(EXERCISE, "mseLoss", reference.mseLoss) as MseLoss;
    const refMse: MseLoss = (p, t) => Promise.resolve(reference.mseLoss(p, t));
    let w: number = GD_START.w;
    let b: number = GD_START.b;
    let [rw, rb] = [w, b];
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let s = 0; s < params.steps; s++) {
      const a = await step(ctx, mse, x, y, w, b, params.lr);
      if (own) {
        // The reference from the reader's own point: the check compares like with like.
        const same = await step(ctx, refMse, x, y, w, b, params.lr);
        mine.push(a.loss, ...a.grads);
        theirs.push(same.loss, ...same.grads);
        const r = await step(ctx, refMse, x, y, rw, rb, params.lr);
        ctx.emit({ kind: "step", step: s, w, b, loss: a.loss, refW: rw, refB: rb, refLoss: r.loss });
        [rw, rb] = [r.w, r.b];
      } else ctx.emit({ kind: "step", step: s, w, b, loss: a.loss });
      [w, b] = [a.w, a.b];
      if (!Number.isFinite(w) || !Number.isFinite(b) || Math.abs(w) > 1e6) break;
      if (s % 4 === 3) await ctx.tick();
    }
    if (own) ctx.emit({ kind: "check", check: compareOutputs(EXERCISE, mine, theirs, (i) => `step ${Math.floor(i / 3)}, ${["loss", "dL/dw", "dL/db"][i % 3]}`) });
  } finally {
    tf.dispose([x, y]);
  }
};
