// The demo computations, run in Node on the cpu backend through the same DemoContext the worker
// builds: reference runs produce what their views plot, and a reader's module (correct or wrong)
// runs through exercise-kit's restricted realm and executeCalls, as in the browser.
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { demoSpecs, type DemoName } from "@course/lessons/browser";
import { createContext, OwnCodeError } from "../demo-context.ts";
import { restrictTf, type TfNamespace } from "../kit.ts";
import type { OwnCheck } from "../../lib/lessons/own-check.ts";
import { demoComputations } from "./index.ts";
import { reference } from "../model-kit.ts";

beforeAll(async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  await tf.setBackend("cpu");
  tf.tidy(() => tf.add(1, 1));
  warn.mockRestore();
});

/** Runs a demo to the end with default parameters (plus `params`) and returns its frames. */
async function run(name: DemoName, params: Record<string, unknown> = {}, own: Record<string, Record<string, unknown>> = {}, bans: string[] = []) {
  const frames: unknown[] = [];
  const modules = new Map(Object.entries(own).map(([exercise, mod]) => [exercise, { mod, restricted: restrictTf(tf as unknown as TfNamespace, bans) }]));
  const ctx = createContext<unknown>({ emit: (f) => frames.push(f), isCancelled: () => false, own: modules });
  const compute = demoComputations[name] as (p: unknown, c: typeof ctx) => Promise<void>;
  const before = tf.memory().numTensors;
  await compute(demoSpecs[name].params.parse(params), ctx);
  return { frames, leaked: tf.memory().numTensors - before };
}

const checksOf = (frames: unknown[]) => frames.flatMap((f) => ((f as { checks?: OwnCheck[] }).checks ?? ((f as { kind?: string }).kind === "check" ? [(f as { check: OwnCheck }).check] : [])));

describe("neuron", () => {
  it("draws f and its slope, and compares the reader's activations with the reference", async () => {
    const { frames, leaked } = await run("neuron", { activation: "sigmoid" });
    const f = frames[0] as { x: number[]; y: number[]; dy: number[] };
    expect(f.x).toHaveLength(121);
    expect(f.y[60]).toBeCloseTo(0.5, 5);
    expect(f.dy[60]).toBeCloseTo(0.25, 5);
    expect(leaked).toBe(0);

    const good = { sigmoid: (x: tf.Tensor) => tf.div(1, tf.add(1, tf.exp(tf.neg(x)))), sigmoidGrad: (x: tf.Tensor) => tf.tidy(() => { const s = tf.div(1, tf.add(1, tf.exp(tf.neg(x)))); return tf.mul(s, tf.sub(1, s)); }) };
    expect(checksOf((await run("neuron", { activation: "sigmoid" }, { activations: good })).frames)[0]).toMatchObject({ ok: true, finite: true });
    const wrong = { ...good, sigmoidGrad: (x: tf.Tensor) => tf.div(1, tf.add(1, tf.exp(tf.neg(x)))) };
    const check = checksOf((await run("neuron", { activation: "sigmoid" }, { activations: wrong })).frames)[0];
    expect(check).toMatchObject({ ok: false, finite: true });
    expect(check?.maxError).toBeGreaterThan(0.4);
  });

  it("reports the reader's banned call or missing export as their error", async () => {
    const banned = { sigmoid: (x: tf.Tensor) => tf.sigmoid(x), sigmoidGrad: (x: tf.Tensor) => x };
    await expect(run("neuron", { activation: "sigmoid" }, { activations: banned }, ["sigmoid"])).rejects.toThrow(OwnCodeError);
    await expect(run("neuron", { activation: "tanh" }, { activations: banned })).rejects.toThrow(/does not export tanh/);
  });
});

describe("gradient-descent", () => {
  it("descends towards the minimum with a small step and diverges with a large one", async () => {
    const steps = (frames: unknown[]) => frames.filter((f) => (f as { kind: string }).kind === "step") as { loss: number; w: number; b: number }[];
    const good = steps((await run("gradient-descent", { lr: 0.3, steps: 100 })).frames);
    expect(good.at(-1)!.loss).toBeLessThan(0.05);
    expect(good.at(-1)!.w).toBeCloseTo(2.5, 0);
    const bad = steps((await run("gradient-descent", { lr: 1.2, steps: 30 })).frames);
    expect(bad.at(-1)!.loss).toBeGreaterThan(bad[0]!.loss);
  });

  it("flags an mseLoss whose gradient forgot the factor 2", async () => {
    const half = { mseLoss: (p: tf.Tensor, t: tf.Tensor) => ({ loss: tf.mean(tf.square(tf.sub(p, t))), dPred: tf.div(tf.sub(p, t), p.size) }) };
    const { frames, leaked } = await run("gradient-descent", { steps: 10 }, { "mse-loss": half });
    expect(checksOf(frames)[0]).toMatchObject({ ok: false });
    expect(leaked).toBe(0);
  });
});

describe("xor-mlp", () => {
  it("learns XOR with the reference step", async () => {
    const { frames, leaked } = await run("xor-mlp");
    const last = frames.at(-1) as { loss: number; surface: number[][] };
    expect(last.loss).toBeLessThan(0.05);
    expect(leaked).toBe(0);
  });
});

describe("optimizer-race", () => {
  it("momentum beats plain SGD along the ravine, and a wrong Adam is caught", async () => {
    const { frames, leaked } = await run("optimizer-race");
    const last = (frames.at(-1) as { points: Record<string, [number, number]> }).points;
    const f = ([x, y]: [number, number]) => 0.05 * x * x + 2 * y * y;
    expect(f(last["momentum"]!)).toBeLessThan(f(last["sgd"]!));
    expect(leaked).toBe(0);
    // No bias correction: the classic Adam slip.
    const noBias = {
      adamStep: (p: tf.Tensor, g: tf.Tensor, s: { m: tf.Tensor; v: tf.Tensor; t: number }, c: { lr: number; beta1: number; beta2: number; epsilon: number }) => {
        const m = tf.add(tf.mul(s.m, c.beta1), tf.mul(g, 1 - c.beta1));
        const v = tf.add(tf.mul(s.v, c.beta2), tf.mul(tf.square(g), 1 - c.beta2));
        return { param: tf.sub(p, tf.div(tf.mul(m, c.lr), tf.add(tf.sqrt(v), c.epsilon))), state: { m, v, t: s.t + 1 } };
      },
    };
    expect(checksOf((await run("optimizer-race", { steps: 20 }, { adam: noBias })).frames)).toEqual([expect.objectContaining({ exercise: "adam", ok: false })]);
  });
});

describe("lstm-unrolled", () => {
  it("unit 0 counts the ones and unit 1 holds the latest bit; a step with its gates swapped is caught", async () => {
    const { frames, leaked } = await run("lstm-unrolled", { sequence: "0110100111", hidden: 4 });
    const steps = frames.filter((f) => (f as { kind: string }).kind === "step") as { c: number[]; bit: number }[];
    expect(steps).toHaveLength(10);
    expect(steps.at(-1)!.c[0]).toBeGreaterThan(5.5);
    expect(steps.at(-1)!.c[0]).toBeLessThan(6.5);
    steps.forEach((s) => expect(Math.sign(s.c[1]!)).toBe(s.bit === 1 ? 1 : -1));
    expect(leaked).toBe(0);
    const swapped = {
      lstmStep: (x: tf.Tensor2D, h: tf.Tensor2D, c: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) => {
        const z = tf.add(tf.add(tf.matMul(x, wx), tf.matMul(h, wh)), b);
        const [zf, zi, zo, zg] = tf.split(z, 4, 1) as tf.Tensor[]; // i and f swapped
        const c2 = tf.add(tf.mul(tf.div(1, tf.add(1, tf.exp(tf.neg(zf!)))), c), tf.mul(tf.div(1, tf.add(1, tf.exp(tf.neg(zi!)))), tf.tanh(zg!)));
        return { h: tf.mul(tf.div(1, tf.add(1, tf.exp(tf.neg(zo!)))), tf.tanh(c2)), c: c2 };
      },
    };
    expect(checksOf((await run("lstm-unrolled", {}, { "lstm-step": swapped })).frames)[0]).toMatchObject({ ok: false });
  });
});

describe("attention-heatmap", () => {
  it("gives rows that sum to one, zeros above the diagonal under the causal mask, and sharper rows when colder", async () => {
    const frame = (await run("attention-heatmap", { sentence: "the cat sat on the mat", causal: true })).frames[0] as { tokens: string[]; weights: number[][] };
    expect(frame.tokens).toEqual(["the", "cat", "sat", "on", "the", "mat"]);
    frame.weights.forEach((row, i) => {
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      row.forEach((w, j) => (j > i ? expect(w).toBe(0) : undefined));
    });
    const peak = async (temperature: number) => {
      const f = (await run("attention-heatmap", { temperature })).frames[0] as { weights: number[][] };
      return Math.min(...f.weights.map((r) => Math.max(...r)));
    };
    expect(await peak(0.2)).toBeGreaterThan(await peak(3));
    // The reader's attention with the softmax over the wrong axis.
    const wrongAxis = {
      scaledDotProductAttention: (q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) => {
        const s = tf.div(tf.matMul(q, k, false, true), Math.sqrt(q.shape[2]));
        const e = tf.exp(tf.sub(s, tf.max(s, 1, true)));
        const weights = tf.div(e, tf.sum(e, 1, true));
        return { output: tf.matMul(weights as tf.Tensor3D, v), weights };
      },
    };
    expect(checksOf((await run("attention-heatmap", {}, { "scaled-dot-product-attention": wrongAxis })).frames)[0]).toMatchObject({ ok: false });
  });
});

describe("positional-encoding", () => {
  it("draws the table and a distance-only similarity; a table with sine and cosine swapped is caught", async () => {
    const frame = (await run("positional-encoding", { seqLen: 16, dModel: 8 })).frames[0] as { pe: number[][]; similarity: number[][] };
    expect(frame.pe[0]).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(frame.similarity[2]![5]).toBeCloseTo(frame.similarity[7]![10]!, 5);
    const swapped = {
      positionalEncoding: (seqLen: number, dModel: number) =>
        tf.tensor2d(Array.from({ length: seqLen * dModel }, (_, n) => {
          const [p, i] = [Math.floor(n / dModel), n % dModel];
          const angle = p / Math.pow(10000, (2 * Math.floor(i / 2)) / dModel);
          return i % 2 === 0 ? Math.cos(angle) : Math.sin(angle);
        }), [seqLen, dModel]),
    };
    const check = checksOf((await run("positional-encoding", { seqLen: 16, dModel: 8 }, { "positional-encoding": swapped })).frames)[0];
    expect(check).toMatchObject({ ok: false, where: expect.stringMatching(/^PE\[\d+, \d+\]$/) });
  });
});

describe("transformer-reverse", () => {
  // Each test trains the tiny Transformer (the second one twice) on the wasm/cpu backend: a few
  // seconds on an idle core, but CI runs the packages' tests side by side on 2 cores.
  const TRAINING_MS = 120_000;
  type Snap = { kind: "snapshot"; step: number; loss: number; accuracy: number; attention: number[][][]; own?: { accuracy: number } };
  const snaps = (frames: unknown[]) => frames.filter((f) => (f as { kind: string }).kind === "snapshot") as Snap[];

  it("trains, with its loss falling and one T×T heatmap per head at every snapshot", async () => {
    const { frames, leaked } = await run("transformer-reverse", { seqLen: 5, heads: 4, steps: 30 });
    const s = snaps(frames);
    expect(s.map((f) => f.step)).toEqual([0, 10, 20, 29]);
    expect(s.at(-1)!.loss).toBeLessThan(s[0]!.loss);
    for (const f of s) {
      expect(f.attention).toHaveLength(4);
      for (const head of f.attention) expect(head.map((r) => r.length)).toEqual([5, 5, 5, 5, 5]);
    }
    expect(leaked).toBe(0);
  }, TRAINING_MS);

  it("scores the weights with the reader's multiHeadAttention: a correct one matches, one without the transpose is caught", async () => {
    const correct = { multiHeadAttention: (x: tf.Tensor3D, p: Parameters<typeof reference.multiHeadAttention>[1], h: number) => reference.multiHeadAttention(x, p, h) };
    const good = await run("transformer-reverse", { steps: 20 }, { "multi-head-attention": correct });
    expect(checksOf(good.frames)).toEqual([expect.objectContaining({ exercise: "multi-head-attention", ok: true })]);
    for (const f of snaps(good.frames)) expect(f.own!.accuracy).toBeCloseTo(f.accuracy, 6);
    expect(good.leaked).toBe(0);

    const noTranspose = {
      multiHeadAttention: (x: tf.Tensor3D, p: Parameters<typeof reference.multiHeadAttention>[1], h: number) => {
        const [B, T, d] = x.shape;
        const lin = (w: tf.Tensor, b: tf.Tensor) => tf.reshape(tf.add(tf.matMul(tf.reshape(x, [B * T, d]) as tf.Tensor2D, w as tf.Tensor2D), b), [B * h, T, d / h]) as tf.Tensor3D;
        const att = tf.softmax(tf.div(tf.matMul(lin(p.wq, p.bq), lin(p.wk, p.bk), false, true), Math.sqrt(d / h)));
        return tf.reshape(tf.add(tf.matMul(tf.reshape(tf.matMul(att, lin(p.wv, p.bv)), [B * T, d]) as tf.Tensor2D, p.wo as tf.Tensor2D), p.bo), [B, T, d]);
      },
    };
    const bad = await run("transformer-reverse", { steps: 20 }, { "multi-head-attention": noTranspose });
    expect(checksOf(bad.frames)[0]).toMatchObject({ ok: false, where: expect.stringMatching(/^sequence 1, position \d, feature \d+$/) });
    // A wrong shape is the reader's error, named with the exercise.
    const sliced = { multiHeadAttention: (x: tf.Tensor3D) => tf.slice(x, [0, 0, 0], [-1, -1, 4]) };
    await expect(run("transformer-reverse", { steps: 20 }, { "multi-head-attention": sliced })).rejects.toThrow(OwnCodeError);
  }, TRAINING_MS);
});
