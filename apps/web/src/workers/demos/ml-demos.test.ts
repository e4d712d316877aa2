// The demos of lessons 5 and 9–12 in Node (cpu backend), through the worker's DemoContext: what
// their views plot, and the reader's own building blocks (correct and wrong) compared with the kit.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoSpecs, type DemoName } from "@course/lessons/browser";
import { createContext } from "../demo-context.ts";
import { restrictTf, type TfNamespace } from "../kit.ts";
import type { OwnCheck } from "../../lib/lessons/own-check.ts";
import { reference } from "../model-kit.ts";
import { demoComputations } from "./index.ts";

beforeAll(async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  await tf.setBackend("cpu");
  warn.mockRestore();
  // The worker fetches the digits from the app's /data/ route; here the same file comes from disk.
  const asset = await readFile(createRequire(import.meta.url).resolve("@course/model-kit/data/mnist-10k.u8.gz"));
  vi.stubGlobal("fetch", async (url: string) => {
    expect(url).toBe("/data/mnist-10k.u8.gz");
    return new Response(new Uint8Array(asset));
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

async function run(name: DemoName, params: Record<string, unknown> = {}, own: Record<string, Record<string, unknown>> = {}, extra: Record<string, unknown> = {}) {
  const frames: { kind: string; [k: string]: unknown }[] = [];
  const modules = new Map(Object.entries(own).map(([exercise, mod]) => [exercise, { mod, restricted: restrictTf(tf as unknown as TfNamespace, []) }]));
  const ctx = createContext<unknown>({ emit: (f) => frames.push(f as (typeof frames)[number]), isCancelled: () => false, own: modules });
  const compute = demoComputations[name] as (p: unknown, c: typeof ctx) => Promise<void>;
  await compute({ ...demoSpecs[name].params.parse(params), ...extra }, ctx);
  return frames;
}
const checks = (frames: { kind: string; check?: OwnCheck }[]) => frames.filter((f) => f.kind === "check").map((f) => f.check as OwnCheck);

describe("cross-validation", () => {
  it("plots folds, the confusion matrix and the ROC curve; flags overlapping folds and a transposed matrix", { timeout: 240_000 }, async () => {
    const frames = await run("cross-validation", { k: 5 });
    expect(frames.filter((f) => f.kind === "fold")).toHaveLength(5);
    const result = frames.at(-1) as unknown as { confusion: number[][]; auc: number; roc: unknown[] };
    expect(result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(150);
    expect(result.auc).toBeGreaterThan(0.9);
    expect(checks(await run("cross-validation", { k: 5 }, { "k-fold": { kFoldIndices: reference.kFoldIndices } }))[0]).toMatchObject({ ok: true });
    const overlapping = { kFoldIndices: (n: number, k: number) => reference.kFoldIndices(n, k).map((f, i) => (i === 0 ? { train: f.train.slice(1), val: [...f.val, f.train[0]!] } : f)) };
    expect(checks(await run("cross-validation", { k: 5 }, { "k-fold": overlapping }))[0]).toMatchObject({ ok: false });
    const transposed = { confusionMatrix: (t: number[], p: number[], c: number) => reference.confusionMatrix(p, t, c) };
    const unshuffled = await run("cross-validation", { k: 3, shuffle: false }, { "classification-metrics": transposed });
    expect(checks(unshuffled)[0]).toMatchObject({ ok: false, exercise: "classification-metrics" });
  });
});

describe("gan-1d", () => {
  it("snapshots the histogram, density and discriminator; draws the reader's losses and flags a swapped label", { timeout: 240_000 }, async () => {
    const frames = await run("gan-1d", { steps: 120 });
    const snaps = frames.filter((f) => f.kind === "snapshot") as unknown as { generated: number[]; real: number[]; discriminator: number[] }[];
    expect(snaps).toHaveLength(4); // steps 0, 50, 100, 119
    expect(snaps[0]!.generated).toHaveLength(40);
    const good = { discriminatorLoss: reference.discriminatorLoss, generatorLoss: reference.generatorLoss };
    expect(checks(await run("gan-1d", { steps: 100 }, { "gan-losses": good }))[0]).toMatchObject({ ok: true });
    const swapped = { ...good, discriminatorLoss: (real: tf.Tensor, fake: tf.Tensor) => reference.discriminatorLoss(fake, real) };
    const bad = await run("gan-1d", { steps: 100 }, { "gan-losses": swapped });
    expect(checks(bad)[0]).toMatchObject({ ok: false });
    expect((bad.find((f) => f.kind === "snapshot") as { ownD?: number }).ownD).toBeGreaterThan(0);
  });
});

describe("mnist-cnn", () => {
  it("inspects a held-out digit layer by layer, with the reader's conv2d computing the first maps", { timeout: 120_000 }, async () => {
    const frames = await run("mnist-cnn", {}, {}, { action: "inspect" });
    const inspect = frames.find((f) => f.kind === "inspect") as unknown as { source: string; probabilities: number[]; layers: { layer: string; channels: number }[]; label: number };
    expect(inspect.source).toBe("untrained");
    expect(inspect.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(inspect.layers.map((l) => [l.layer, l.channels])).toEqual([["conv1", 8], ["pool1", 8], ["conv2", 32], ["pool2", 32]]);
    expect(inspect.label).toBeGreaterThanOrEqual(0);
    expect(checks(await run("mnist-cnn", {}, { "conv2d-forward": { conv2dForward: reference.conv2dForward } }, { action: "inspect" }))[0]).toMatchObject({ ok: true });
    // A classic slip: the kernel's rows and columns swapped.
    const flipped = { conv2dForward: (x: tf.Tensor, f: tf.Tensor, b: tf.Tensor, s: number, p: number) => reference.conv2dForward(x, tf.transpose(f, [1, 0, 2, 3]), b, s, p) };
    const flippedFrames = await run("mnist-cnn", {}, { "conv2d-forward": flipped }, { action: "inspect" });
    expect(checks(flippedFrames)[0]).toMatchObject({ ok: false, exercise: "conv2d-forward" });
  });
});
