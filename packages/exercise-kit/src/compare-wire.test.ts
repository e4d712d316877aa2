import { describe, expect, it } from "vitest";
import { compareWire } from "./compare-wire.ts";
import { renderFeedback } from "./messages/feedback.ts";
import type { Wire } from "./realm/types.ts";

const t = (shape: number[], data: number[]): Wire => ({ t: "tensor", dtype: "float32", shape, data: Float32Array.from(data) });
const tolerance = { atol: 1e-4, rtol: 1e-4 };

describe("compareWire: expected and actual side by side", () => {
  const expected = t([2, 3], [0.5, 1, 1.5, 2, 2.5, 3]);
  const actual = t([2, 3], [0.5, 1.25, 1.5, 2, 9, 3]);

  it("shows the first mismatching elements of a public case, in both languages", () => {
    const r = compareWire(actual, expected, { tolerance, reveal: true, label: "dx" });
    expect(r.pass).toBe(false);
    expect(r.message).toContain("dx: First mismatches (expected vs yours): [0, 1] 1.000 vs 1.250; [1, 1] 2.500 vs 9.000.");
    expect(renderFeedback(r.feedback!, "zh-CN")).toContain("前几个不匹配的元素（期望值 与 你的值）：[0, 1] 1.000 与 1.250；[1, 1] 2.500 与 9.000。");
  });

  it("never shows an expected value of a hidden case", () => {
    const r = compareWire(actual, expected, { tolerance, reveal: false });
    expect(r.feedback!.map((p) => p.key)).toEqual(["compare.valuesHidden"]);
    for (const v of ["1.000", "2.500", "0.5000"]) expect(r.message).not.toContain(v);
  });

  it("adds nothing when the values match or the shapes differ", () => {
    expect(compareWire(expected, expected, { tolerance, reveal: true }).feedback!.map((p) => p.key)).toEqual(["compare.ok"]);
    expect(compareWire(t([3, 2], [0, 0, 0, 0, 0, 0]), expected, { tolerance, reveal: true }).feedback!.map((p) => p.key)).toEqual(["compare.shape"]);
  });
});
