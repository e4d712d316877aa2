/**
 * Lesson 3: a 2-H-1 sigmoid MLP learning XOR by plain SGD on mean squared error (mlpTrainStep), with
 * its loss curve and decision surface. With the reader's `mlp-train-step` switched on, their step
 * trains the network and the reference trains a twin from the same start, for comparison.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import type { DemoComputation } from "../demo-context.ts";
import { createRng, reference } from "../model-kit.ts";

export const XOR_GRID = 25;

export type XorFrame =
  | { kind: "progress"; epoch: number; loss: number; refLoss?: number; surface: number[][] }
  | { kind: "check"; check: OwnCheck };

type Params = { w1: tfjs.Tensor; b1: tfjs.Tensor; w2: tfjs.Tensor; b2: tfjs.Tensor };
type Step = (p: Params, x: tfjs.Tensor, y: tfjs.Tensor, lr: number) => Promise<{ params: Params; loss: number | tfjs.Tensor }>;

const EXERCISE = "mlp-train-step";
const EVERY = 25;

async function num(tf: typeof tfjs, v: number | tfjs.Tensor): Promise<number> {
  if (typeof v === "number") return v;
  const d = (await v.data())[0];
  tf.dispose(v);
  return d ?? Number.NaN;
}

/** Network output on a grid over [-0.25, 1.25]², rows from top (x2 high) to bottom. */
function surface(tf: typeof tfjs, p: Params): number[][] {
  return tf.tidy(() => {
    const pts: number[][] = [];
    for (let r = 0; r < XOR_GRID; r++) for (let c = 0; c < XOR_GRID; c++) pts.push([-0.25 + (1.5 * c) / (XOR_GRID - 1), 1.25 - (1.5 * r) / (XOR_GRID - 1)]);
    const h = tf.sigmoid(tf.add(tf.matMul(tf.tensor2d(pts), p.w1 as tfjs.Tensor2D), p.b1));
    const out = tf.sigmoid(tf.add(tf.matMul(h, p.w2 as tfjs.Tensor2D), p.b2)).dataSync();
    return Array.from({ length: XOR_GRID }, (_, r) => Array.from(out.slice(r * XOR_GRID, (r + 1) * XOR_GRID)));
  });
}

function flat(tf: typeof tfjs, p: Params): number[] {
  return [p.w1, p.b1, p.w2, p.b2].flatMap((t) => Array.from(t.dataSync()));
}

export const xorMlp: DemoComputation<"xor-mlp", XorFrame> = async (params, ctx) => {
  const { tf } = ctx;
  const rng = createRng(3);
  const H = params.hidden;
  const x = tf.tensor2d([[0, 0], [0, 1], [1, 0], [1, 1]]);
  const y = tf.tensor2d([[0], [1], [1], [0]]);
  const start: Params = { w1: rng.normal([2, H], 0, 1), b1: tf.zeros([H]), w2: rng.normal([H, 1], 0, 1), b2: tf.zeros([1]) };
  const own = ctx.isOwn(EXERCISE);
  const step = ctx.block(EXERCISE, "mlpTrainStep", reference.mlpTrainStep) as Step;
  const refStep: Step = (p, a, b, lr) => Promise.resolve(reference.mlpTrainStep(p, a, b, lr));
  let p: Params = start;
  let q: Params = start;
  const release = (old: Params) => {
    if (old !== start) tf.dispose(Object.values(old));
  };
  try {
    for (let epoch = 0; epoch < params.epochs; epoch++) {
      const a = await step(p, x, y, params.lr);
      const loss = await num(tf, a.loss);
      let refLoss: number | undefined;
      if (own) {
        if (epoch === 0) {
          // Same start, one step each: the check compares the two steps exactly.
          const same = await refStep(p, x, y, params.lr);
          ctx.emit({ kind: "check", check: compareOutputs(EXERCISE, [loss, ...flat(tf, a.params)], [await num(tf, same.loss), ...flat(tf, same.params)], (i) => (i === 0 ? "loss" : `parameter ${i - 1} after one step`)) });
          tf.dispose(Object.values(same.params));
        }
        const b = await refStep(q, x, y, params.lr);
        refLoss = await num(tf, b.loss);
        release(q);
        q = b.params;
      }
      release(p);
      p = a.params;
      if (epoch % EVERY === 0 || epoch === params.epochs - 1) {
        ctx.emit({ kind: "progress", epoch, loss, ...(refLoss === undefined ? {} : { refLoss }), surface: surface(tf, p) });
        await ctx.tick();
      }
    }
  } finally {
    release(p);
    if (q !== p) release(q);
    tf.dispose([x, y, ...Object.values(start)]);
  }
};
