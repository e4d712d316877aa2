import { describe, expect, it } from "vitest";
import { splitHeldOut } from "./split.ts";

const labels = Array.from({ length: 200 }, (_, i) => (i < 120 ? i % 3 : 3)); // classes 0–2: 40 each, class 3: 80

describe("splitHeldOut", () => {
  it("holds out the same share of every class, disjoint from train, covering every image once", () => {
    const { train, test } = splitHeldOut(labels, { testFraction: 0.25, seed: 5 });
    expect(train.length + test.length).toBe(labels.length);
    expect(new Set([...train, ...test]).size).toBe(labels.length);
    const countIn = (set: number[], c: number) => set.filter((i) => labels[i] === c).length;
    expect([0, 1, 2, 3].map((c) => countIn(test, c))).toEqual([10, 10, 10, 20]);
  });

  it("is a function of the seed", () => {
    const a = splitHeldOut(labels, { testFraction: 0.1, seed: 1 });
    expect(splitHeldOut(labels, { testFraction: 0.1, seed: 1 })).toEqual(a);
    const b = splitHeldOut(labels, { testFraction: 0.1, seed: 2 });
    expect(b.test).not.toEqual(a.test);
    // Shuffled, not in file order.
    expect(a.train).not.toEqual([...a.train].sort((x, y) => x - y));
  });

  it("keeps at least one image of each class on both sides and rejects bad options", () => {
    const { train, test } = splitHeldOut([0, 0, 1, 1, 1], { testFraction: 0.01, seed: 3 });
    expect(test.map((i) => [0, 0, 1, 1, 1][i]).sort()).toEqual([0, 1]);
    expect(train).toHaveLength(3);
    expect(() => splitHeldOut([0, 0, 1], { testFraction: 0.5, seed: 1 })).toThrow(/class 1 has 1 image/);
    expect(() => splitHeldOut(labels, { testFraction: 1, seed: 1 })).toThrow();
    expect(() => splitHeldOut(labels, { testFraction: 0.2, seed: -1 })).toThrow();
  });
});
