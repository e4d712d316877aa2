/**
 * Lesson 1: one neuron y = f(w·x + b) over x in [-6, 6], with f and its derivative. With the
 * reader's `activations` switched on, their f and f' are drawn and compared with the reference.
 */
import type { OwnCheck } from "../../lib/lessons/own-check.ts";
import { compareOutputs } from "../../lib/lessons/own-check.ts";
import type { DemoComputation } from "../demo-context.ts";
import { reference } from "../model-kit.ts";

export interface NeuronFrame {
  x: number[];
  y: number[];
  dy: number[];
  /** The reference curves, when the reader's own code drew y and dy. */
  refY?: number[];
  refDy?: number[];
  checks: OwnCheck[];
}

const POINTS = 121;
const EXERCISE = "activations";

export const neuron: DemoComputation<"neuron", NeuronFrame> = async (params, ctx) => {
  const { tf } = ctx;
  const x = Array.from({ length: POINTS }, (_, i) => -6 + (12 * i) / (POINTS - 1));
  const name = params.activation;
  const gradName = `${name}Grad` as const;
  const f = ctx.block(EXERCISE, name, reference[name]);
  const df = ctx.block(EXERCISE, gradName, reference[gradName]);
  const z = tf.tidy(() => tf.add(tf.mul(tf.tensor1d(x), params.w), params.b));
  try {
    const [yT, gT] = [await f(z), await df(z)];
    // Chain rule: dy/dx = f'(z)·w.
    const y = Array.from(await yT.data());
    const dy = Array.from(await gT.data(), (g) => g * params.w);
    tf.dispose([yT, gT]);
    const frame: NeuronFrame = { x, y, dy, checks: [] };
    if (ctx.isOwn(EXERCISE)) {
      const refY = Array.from(tf.tidy(() => reference[name](z)).dataSync());
      const refDy = Array.from(tf.tidy(() => reference[gradName](z)).dataSync(), (g) => g * params.w);
      const label = (i: number) => `x = ${(x[i % POINTS] ?? 0).toFixed(1)}`;
      frame.refY = refY;
      frame.refDy = refDy;
      frame.checks = [compareOutputs(`${EXERCISE} (${name}, ${gradName})`, [...y, ...dy], [...refY, ...refDy], label)];
    }
    ctx.emit(frame);
  } finally {
    z.dispose();
  }
};
