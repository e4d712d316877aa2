/**
 * Lesson 6: an LSTM unrolled over a sequence of bits, its hidden state h, cell state c and gates at
 * every step. Two units are set by hand so the picture means something: unit 0 counts the ones
 * (forget gate open, input gate opens on a 1), unit 1 remembers only the latest bit (forget gate
 * shut). The others have seeded random weights. With the reader's `lstm-step` switched on, their
 * step produces h and c, compared with the reference's from the same state.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import type { DemoComputation } from "../demo-context.ts";
import { createRng, reference } from "../model-kit.ts";

export type LstmFrame =
  | { kind: "step"; t: number; bit: number; h: number[]; c: number[]; gates: { i: number[]; f: number[]; o: number[]; g: number[] } }
  | { kind: "check"; check: OwnCheck };

type Step = (x: tfjs.Tensor, h: tfjs.Tensor, c: tfjs.Tensor, wx: tfjs.Tensor, wh: tfjs.Tensor, b: tfjs.Tensor) => Promise<{ h: tfjs.Tensor; c: tfjs.Tensor }>;
const EXERCISE = "lstm-step";

/** wx [1, 4H], wh [H, 4H], b [4H] with gate blocks in the order i, f, o, g. */
function weights(H: number) {
  const rng = createRng(6);
  const wx = Array.from(rng.normalArray(4 * H, 0, 0.8));
  const wh = Array.from(rng.normalArray(H * 4 * H, 0, 0.4));
  const b = Array.from(rng.normalArray(4 * H, 0, 0.5));
  const set = (gate: number, unit: number, w: number, bias: number) => {
    const col = gate * H + unit;
    wx[col] = w;
    b[col] = bias;
    for (let r = 0; r < H; r++) wh[r * 4 * H + col] = 0;
  };
  const [I, F, O, G] = [0, 1, 2, 3];
  // Unit 0 counts ones: writes +1 when the bit is 1, never forgets.
  set(I, 0, 8, -4);
  set(F, 0, 0, 8);
  set(O, 0, 0, 3);
  set(G, 0, 0, 4);
  // Unit 1 holds the latest bit: always writes ±1, always forgets.
  set(I, 1, 0, 8);
  set(F, 1, 0, -8);
  set(O, 1, 0, 8);
  set(G, 1, 8, -4);
  return { wx, wh, b };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const lstmUnrolled: DemoComputation<"lstm-unrolled", LstmFrame> = async (params, ctx) => {
  const { tf } = ctx;
  const H = params.hidden;
  const w = weights(H);
  const wx = tf.tensor2d(w.wx, [1, 4 * H]);
  const wh = tf.tensor2d(w.wh, [H, 4 * H]);
  const b = tf.tensor1d(w.b);
  const step = ctx.block(EXERCISE, "lstmStep", reference.lstmStep) as Step;
  const own = ctx.isOwn(EXERCISE);
  let h = tf.zeros([1, H]);
  let c = tf.zeros([1, H]);
  const mine: number[] = [];
  const theirs: number[] = [];
  try {
    for (const [t, ch] of [...params.sequence].entries()) {
      const bit = ch === "1" ? 1 : 0;
      const x = tf.tensor2d([[bit]]);
      // The gates, from the same state and weights, for the picture.
      const z = tf.tidy(() => tf.add(tf.add(tf.matMul(x, wx), tf.matMul(h as tfjs.Tensor2D, wh)), b).dataSync());
      const block = (k: number) => Array.from(z.slice(k * H, (k + 1) * H));
      const gates = { i: block(0).map(sigmoid), f: block(1).map(sigmoid), o: block(2).map(sigmoid), g: block(3).map(Math.tanh) };
      const out = await step(x, h, c, wx, wh, b);
      if (own) {
        const ref = reference.lstmStep(x, h, c, wx, wh, b);
        mine.push(...out.h.dataSync(), ...out.c.dataSync());
        theirs.push(...ref.h.dataSync(), ...ref.c.dataSync());
        tf.dispose([ref.h, ref.c]);
      }
      tf.dispose([x, h, c]);
      [h, c] = [out.h, out.c];
      ctx.emit({ kind: "step", t, bit, h: Array.from(h.dataSync()), c: Array.from(c.dataSync()), gates });
      await ctx.tick();
    }
    if (own) ctx.emit({ kind: "check", check: compareOutputs(EXERCISE, mine, theirs, (i) => `step ${Math.floor(i / (2 * H))}, ${i % (2 * H) < H ? "h" : "c"}[${i % H}]`) });
  } finally {
    tf.dispose([wx, wh, b, h, c]);
  }
};
