import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select.ts";
import { multiHeadAttention, type MhaParams } from "../reference/transformer.ts";
import { trainReverser, type ReverserSnapshot } from "./reverse-transformer.ts";

beforeAll(async () => {
  expect(await selectBackend({ prefer: ["wasm"] })).toBe("wasm");
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

/** Rows (of T) whose largest weight sits on the mirrored position T−1−i. */
const mirrored = (w: number[][]) => w.filter((row, i) => row.indexOf(Math.max(...row)) === w.length - 1 - i).length;

/** The classic multi-head bug: heads split by a reshape without the transpose. */
function noTranspose(x: tf.Tensor3D, p: MhaParams, h: number): tf.Tensor {
  return tf.tidy(() => {
    const [B, T, d] = x.shape;
    const lin = (w: tf.Tensor, b: tf.Tensor) => tf.reshape(tf.add(tf.matMul(tf.reshape(x, [B * T, d]) as tf.Tensor2D, w as tf.Tensor2D), b), [B * h, T, d / h]) as tf.Tensor3D;
    const [q, k, v] = [lin(p.wq, p.bq), lin(p.wk, p.bk), lin(p.wv, p.bv)];
    const att = tf.softmax(tf.div(tf.matMul(q, k, false, true), Math.sqrt(d / h)));
    const merged = tf.reshape(tf.matMul(att, v), [B * T, d]) as tf.Tensor2D;
    return tf.reshape(tf.add(tf.matMul(merged, p.wo as tf.Tensor2D), p.bo), [B, T, d]);
  });
}

describe("trainReverser", () => {
  it("learns to reverse: loss falls, accuracy reaches 100 %, and every head's attention becomes the anti-diagonal", async () => {
    const before = tf.memory().numTensors;
    const snaps: Omit<ReverserSnapshot, "score">[] = [];
    const scored: { reference: number; wrong: number; maxDiff: number }[] = [];
    await trainReverser({ seqLen: 6, heads: 2, steps: 160, every: 40, seed: 3 }, async ({ score, ...s }) => {
      snaps.push(s);
      const ref = await score(multiHeadAttention);
      const wrong = await score(noTranspose);
      scored.push({ reference: ref.accuracy, wrong: wrong.accuracy, maxDiff: Math.max(...ref.output.map((v, i) => Math.abs(v - ref.referenceOutput[i]!))) });
      expect(ref.outputShape).toEqual([4, 6, 32]);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(snaps.map((s) => s.step)).toEqual([0, 40, 80, 120, 159]);
    const [first, last] = [snaps[0]!, snaps.at(-1)!];
    expect(first.accuracy).toBeLessThan(0.4);
    expect(last.loss).toBeLessThan(first.loss / 10);
    expect(last.accuracy).toBeGreaterThan(0.98);
    expect(last.predicted).toEqual(last.target);
    expect(last.target).toEqual([...last.input].reverse());
    expect(new Set(last.input).size).toBe(6);
    expect(last.attention).toHaveLength(2);
    // Before training no head is a mirror; after, at least one head is a perfect one.
    expect(Math.max(...first.attention.map(mirrored))).toBeLessThan(6);
    expect(Math.max(...last.attention.map(mirrored))).toBe(6);
    for (const w of last.attention.flat()) expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    // Scoring with the reference reproduces the snapshot; a wrong attention stays far behind.
    expect(scored.at(-1)!.reference).toBeCloseTo(last.accuracy, 6);
    expect(scored.at(-1)!.maxDiff).toBe(0);
    expect(scored.at(-1)!.wrong).toBeLessThan(0.6);
  }, 120_000);

  it("reports a wrongly shaped attention output, stops when aborted, and rejects bad options", async () => {
    let error: unknown;
    await trainReverser({ steps: 1 }, async ({ score }) => {
      error = await score((x) => tf.slice(x, [0, 0, 0], [-1, -1, 4])).catch((e: unknown) => e);
    });
    expect(String(error)).toMatch(/returned shape \[256, 6, 4\], expected \[256, 6, 32\]/);
    const stop = new AbortController();
    const steps: number[] = [];
    await trainReverser({ steps: 100, every: 5 }, (s) => {
      steps.push(s.step);
      if (s.step === 10) stop.abort();
    }, stop.signal);
    expect(steps).toEqual([0, 5, 10]);
    await expect(trainReverser({ heads: 3 }, () => undefined)).rejects.toThrow(/heads must divide dModel/);
    await expect(trainReverser({ seqLen: 2 }, () => undefined)).rejects.toThrow();
  });
});
