import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createRng } from "./rng.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("createRng", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 100 }, () => a.next());
    const xb = Array.from({ length: 100 }, () => b.next());
    const xc = Array.from({ length: 100 }, () => c.next());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    for (const v of xa) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it("rejects seeds that are not uint32", () => {
    expect(() => createRng(-1)).toThrow(RangeError);
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(2 ** 32)).toThrow(RangeError);
    expect(createRng(2 ** 32 - 1).seed).toBe(2 ** 32 - 1);
  });

  it("draws uniform numbers with the right mean and normals with the right moments", () => {
    const rng = createRng(7);
    const n = 200_000;
    const u = rng.uniformArray(n, -2, 4);
    let mean = 0;
    let outside = 0;
    for (const v of u) {
      if (!(v >= -2 && v < 4)) outside++;
      mean += v / n;
    }
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(1, 1);
    const g = rng.normalArray(n, 3, 2);
    let m = 0;
    let s2 = 0;
    for (const v of g) m += v / n;
    for (const v of g) s2 += (v - m) ** 2 / n;
    expect(Math.abs(m - 3)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(s2) - 2)).toBeLessThan(0.03);
  });

  it("draws every integer of a range, none outside it, roughly equally often", () => {
    const rng = createRng(1);
    const counts = new Array<number>(7).fill(0);
    let nonInteger = 0;
    for (let i = 0; i < 70_000; i++) {
      const k = rng.int(-3, 4);
      if (!Number.isInteger(k)) nonInteger++;
      counts[k + 3] = (counts[k + 3] ?? 0) + 1;
    }
    expect(nonInteger).toBe(0);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(70_000);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    expect(() => rng.int(3, 3)).toThrow(RangeError);
  });

  it("builds float32 and int32 tensors whose values equal the array draws", () => {
    const t = createRng(5).normal([3, 4], 1, 0.5);
    expect(t.dtype).toBe("float32");
    expect(t.shape).toEqual([3, 4]);
    expect(Array.from(t.dataSync())).toEqual(Array.from(createRng(5).normalArray(12, 1, 0.5)));
    const u = createRng(5).uniform([2, 2], 0, 1);
    expect(Array.from(u.dataSync())).toEqual(Array.from(createRng(5).uniformArray(4)));
    const k = createRng(9).intTensor([50], 0, 3);
    expect(k.dtype).toBe("int32");
    expect(new Set(k.dataSync()).size).toBe(3);
    tf.dispose([t, u, k]);
  });

  it("shuffles a copy into a permutation, reproducibly", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s1 = createRng(11).shuffle(items);
    const s2 = createRng(11).shuffle(items);
    expect(s1).toEqual(s2);
    expect(s1).not.toEqual(items);
    expect([...s1].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0); // input untouched
  });

  it("forks independent streams that depend on the seed and the label only", () => {
    const parent = createRng(3);
    const f1 = parent.fork("weights");
    parent.next();
    parent.next();
    const f2 = parent.fork("weights");
    const f3 = parent.fork("inputs");
    const g = createRng(4).fork("weights");
    const d1 = f1.uniformArray(10);
    expect(Array.from(f2.uniformArray(10))).toEqual(Array.from(d1));
    expect(Array.from(f3.uniformArray(10))).not.toEqual(Array.from(d1));
    expect(Array.from(g.uniformArray(10))).not.toEqual(Array.from(d1));
  });
});
