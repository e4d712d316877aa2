/**
 * Lesson 4: plain SGD, SGD with momentum 0.9 and Adam racing down a ravine, f(x, y) = 0.05x² + 2y²
 * (forty times steeper across than along), from the same start. The gradient is analytic. With the
 * reader's `sgd-momentum` or `adam` switched on, their step moves that racer (SGD is momentum 0) and
 * the reference racer runs beside it, dashed.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import type { DemoComputation, DemoContext } from "../demo-context.ts";
import { reference } from "../model-kit.ts";

export const RAVINE = { xMin: -10, xMax: 2, yMin: -2, yMax: 2, cols: 48, rows: 16, start: [-9, 1.5] as const };
export const ravine = (x: number, y: number) => 0.05 * x * x + 2 * y * y;

export type RacerName = "sgd" | "momentum" | "adam";
export type RaceFrame =
  | { kind: "surface"; values: number[][] }
  | { kind: "step"; step: number; points: Partial<Record<RacerName | `${RacerName}Ref`, [number, number]>> }
  | { kind: "check"; check: OwnCheck };

type T = tfjs.Tensor;
type MomentumFn = (p: T, g: T, v: T, cfg: { lr: number; momentum: number }) => Promise<{ param: T; velocity: T }>;
type AdamFn = (p: T, g: T, s: { m: T; v: T; t: number }, cfg: { lr: number; beta1: number; beta2: number; epsilon: number }) => Promise<{ param: T; state: { m: T; v: T; t: number } }>;

interface Racer {
  next(): Promise<[number, number]>;
  dispose(): void;
}

function gradient(tf: typeof tfjs, p: T): T {
  return tf.tidy(() => tf.mul(p, tf.tensor1d([0.1, 4])));
}

function momentumRacer(ctx: DemoContext<RaceFrame>, step: MomentumFn, lr: number, momentum: number): Racer {
  const { tf } = ctx;
  let p: T = tf.tensor1d([...RAVINE.start]);
  let v: T = tf.zeros([2]);
  return {
    async next() {
      const g = gradient(tf, p);
      const out = await step(p, g, v, { lr, momentum });
      tf.dispose([p, v, g]);
      [p, v] = [out.param, out.velocity];
      const [x = Number.NaN, y = Number.NaN] = await p.data();
      return [x, y];
    },
    dispose: () => tf.dispose([p, v]),
  };
}

function adamRacer(ctx: DemoContext<RaceFrame>, step: AdamFn, lr: number): Racer {
  const { tf } = ctx;
  let p: T = tf.tensor1d([...RAVINE.start]);
  let state = { m: tf.zeros([2]), v: tf.zeros([2]), t: 0 };
  return {
    async next() {
      const g = gradient(tf, p);
      const out = await step(p, g, state, { lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
      tf.dispose([p, state.m, state.v, g]);
      p = out.param;
      state = { m: out.state.m, v: out.state.v, t: typeof out.state.t === "number" ? out.state.t : state.t + 1 };
      const [x = Number.NaN, y = Number.NaN] = await p.data();
      return [x, y];
    },
    dispose: () => tf.dispose([p, state.m, state.v]),
  };
}

export const optimizerRace: DemoComputation<"optimizer-race", RaceFrame> = async (params, ctx) => {
  const { xMin, xMax, yMin, yMax, cols, rows } = RAVINE;
  ctx.emit({
    kind: "surface",
    values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ravine(xMin + ((xMax - xMin) * (c + 0.5)) / cols, yMax - ((yMax - yMin) * (r + 0.5)) / rows))),
  });
  const refMomentum: MomentumFn = (...a) => Promise.resolve(reference.sgdMomentumStep(...a));
  const refAdam: AdamFn = (...a) => Promise.resolve(reference.adamStep(...a));
  const mom = ctx.block("sgd-momentum", "sgdMomentumStep", reference.sgdMomentumStep) as MomentumFn;
  const adam = ctx.block("adam", "adamStep", reference.adamStep) as AdamFn;
  const racers: Partial<Record<RacerName | `${RacerName}Ref`, Racer>> = {
    sgd: momentumRacer(ctx, mom, params.lr, 0),
    momentum: momentumRacer(ctx, mom, params.lr, 0.9),
    adam: adamRacer(ctx, adam, params.adamLr),
  };
  if (ctx.isOwn("sgd-momentum")) {
    racers.sgdRef = momentumRacer(ctx, refMomentum, params.lr, 0);
    racers.momentumRef = momentumRacer(ctx, refMomentum, params.lr, 0.9);
  }
  if (ctx.isOwn("adam")) racers.adamRef = adamRacer(ctx, refAdam, params.adamLr);
  const trace: Record<string, number[]> = {};
  try {
    for (let s = 0; s < params.steps; s++) {
      const points: Extract<RaceFrame, { kind: "step" }>["points"] = {};
      for (const [name, racer] of Object.entries(racers) as [RacerName, Racer][]) {
        const pt = await racer.next();
        points[name] = pt;
        (trace[name] ??= []).push(...pt);
      }
      ctx.emit({ kind: "step", step: s + 1, points });
      if (s % 5 === 4) await ctx.tick();
    }
    const label = (i: number) => `step ${Math.floor(i / 2) + 1}, ${i % 2 === 0 ? "x" : "y"}`;
    if (ctx.isOwn("sgd-momentum")) ctx.emit({ kind: "check", check: compareOutputs("sgd-momentum", [...(trace["sgd"] ?? []), ...(trace["momentum"] ?? [])], [...(trace["sgdRef"] ?? []), ...(trace["momentumRef"] ?? [])], label) });
    if (ctx.isOwn("adam")) ctx.emit({ kind: "check", check: compareOutputs("adam", trace["adam"] ?? [], trace["adamRef"] ?? [], label) });
  } finally {
    for (const r of Object.values(racers)) r.dispose();
  }
};
