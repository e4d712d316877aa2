import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { DEFAULT_WIRE_LIMITS, WireSchema, parseWire, toWire, wireFromJson, wireSchema, wireToJson, type Wire } from "./wire.ts";

const tensor = (data: number[], shape: number[]): Wire => ({ t: "tensor", dtype: "float32", shape, data: Float32Array.from(data) });

describe("Wire codec", () => {
  it("converts tensors, numbers and nested plain data from the host", () => {
    const w = toWire({ a: tf.tensor2d([[1, 2], [3, 4]]), b: [1, "x", true, null, undefined], c: tf.tensor1d([1, 0], "bool") });
    expect(w.t).toBe("object");
    if (w.t !== "object") return;
    expect(w.entries["a"]).toMatchObject({ t: "tensor", dtype: "float32", shape: [2, 2] });
    expect(w.entries["c"]).toMatchObject({ t: "tensor", dtype: "bool", data: Uint8Array.of(1, 0) });
    expect(parseWire(w)).toEqual(w);
  });

  it("round-trips through JSON with NaN and ±Infinity spelled out", () => {
    const w: Wire = { t: "array", items: [tensor([NaN, Infinity, -Infinity, 1.5], [4]), { t: "number", v: NaN }, { t: "number", v: -Infinity }] };
    const json = JSON.parse(JSON.stringify(wireToJson(w))) as unknown;
    expect(JSON.stringify(json)).toContain('"NaN"');
    const back = wireFromJson(json);
    expect(back).toEqual(w);
  });

  it("parses through the zod schema", () => {
    expect(WireSchema.safeParse({ t: "number", v: Infinity }).success).toBe(true);
    const bad = WireSchema.safeParse({ t: "tensor", dtype: "float32", shape: [2, 2], data: new Float32Array(3) });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.message).toMatch(/3 values for shape \[2, 2\]/);
  });

  it("rejects typed arrays that do not match the dtype", () => {
    expect(() => parseWire({ t: "tensor", dtype: "int32", shape: [2], data: new Float32Array(2) })).toThrow(/wrong array type/);
  });

  it("enforces depth, element, string and rank limits", () => {
    const limits = { ...DEFAULT_WIRE_LIMITS, maxDepth: 3, maxElements: 10, maxStringLength: 5, maxRank: 2 };
    let deep: Wire = { t: "null" };
    for (let i = 0; i < 5; i++) deep = { t: "array", items: [deep] };
    expect(() => parseWire(deep, limits)).toThrow(/deeper than 3/);
    expect(() => parseWire(tensor(new Array(11).fill(0), [11]), limits)).toThrow(/more than 10 elements/);
    expect(() => parseWire({ t: "string", v: "abcdef" }, limits)).toThrow(/longer than 5/);
    expect(() => parseWire(tensor([1], [1, 1, 1]), limits)).toThrow(/rank 3/);
    expect(wireSchema(limits).safeParse({ t: "array", items: new Array(11).fill({ t: "null" }) }).success).toBe(false);
  });

  it("rejects getters without evaluating them", () => {
    let evaluated = false;
    const hostile = {
      t: "number",
      get v() {
        evaluated = true;
        return 1;
      },
    };
    expect(() => parseWire(hostile)).toThrow(/getter/);
    expect(evaluated).toBe(false);
  });

  it("rejects a huge sparse array claim in JSON before allocating", () => {
    const json = { t: "tensor", dtype: "float32", shape: [1e9], data: { length: 1e9 } };
    expect(() => wireFromJson(json)).toThrow(/malformed tensor/);
  });

  it("rejects unknown node kinds", () => {
    expect(() => parseWire({ t: "function", v: "x" })).toThrow(/not a Wire value/);
    expect(() => parseWire(null)).toThrow();
  });
});
