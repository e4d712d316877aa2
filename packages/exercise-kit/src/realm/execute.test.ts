import * as tf from "@tensorflow/tfjs";
import { afterEach, describe, expect, it } from "vitest";
import { toWire } from "../wire.ts";
import { callSequence, executeCalls, loadFailure } from "./execute.ts";
import { restrictTf, unrestrictTf, type TfNamespace } from "./restrict.ts";
import type { RealmCallResult, SandboxCall } from "./types.ts";

const TF = tf as unknown as TfNamespace;
const x = toWire(tf.tensor2d([[1, -2], [3, 4]]));

async function runOne(mod: Record<string, unknown>, args = [x], bans: string[] = []): Promise<RealmCallResult> {
  const r = restrictTf(TF, bans);
  try {
    const calls: SandboxCall[] = [{ id: "0", kind: "export", export: "f", args }];
    const res = await executeCalls(mod, r, calls);
    return res.results[0]!;
  } finally {
    unrestrictTf(TF);
  }
}

function expectError(r: RealmCallResult, pattern: RegExp): void {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(pattern);
}

describe("executeCalls", () => {
  afterEach(() => unrestrictTf(TF));

  it("passes tensors in and marshals tensors, numbers and objects out", async () => {
    const r = await runOne({ f: (t: tf.Tensor) => ({ y: tf.mul(t, 2), n: 3, list: [tf.scalar(1, "int32"), "s", null] }) });
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.t !== "object") return;
    expect(r.value.entries["y"]).toMatchObject({ t: "tensor", dtype: "float32", shape: [2, 2], data: Float32Array.of(2, -4, 6, 8) });
    expect(r.value.entries["n"]).toEqual({ t: "number", v: 3 });
    expect(r.value.entries["list"]).toMatchObject({ t: "array", items: [{ t: "tensor", dtype: "int32" }, { t: "string", v: "s" }, { t: "null" }] });
  });

  it("awaits async exports and keeps NaN/Infinity as values", async () => {
    const r = await runOne({ f: async () => tf.tensor1d([NaN, Infinity]) });
    expect(r.ok && r.value.t === "tensor" && Number.isNaN(r.value.data[0]) && r.value.data[1] === Infinity).toBe(true);
  });

  it("reports a missing export and a non-function export", async () => {
    expectError(await runOne({}), /does not export f/);
    expectError(await runOne({ f: 42 }), /not a function/);
  });

  it("reports a banned call with the function's name", async () => {
    expectError(await runOne({ f: (t: tf.Tensor) => t.softmax() }, [x], ["softmax"]), /tf\.softmax is not available in this exercise/);
  });

  it("refuses a getter in the result without evaluating it", async () => {
    let evaluated = false;
    const r = await runOne({
      f: () => ({
        get dx() {
          evaluated = true;
          return tf.scalar(1);
        },
      }),
    });
    expectError(r, /at dx is a getter/);
    expect(evaluated).toBe(false);
  });

  it("refuses fake tensor-like objects", async () => {
    expectError(await runOne({ f: () => ({ shape: [2], dtype: "float32", dataSync: () => Float32Array.of(1, 2) }) }), /not a real tfjs tensor/);
    const proto = Object.create(tf.Tensor.prototype) as object;
    Object.assign(proto, { shape: [1], dtype: "float32", dataId: {} });
    expectError(await runOne({ f: () => proto }), /disposed tensor, or not a real tfjs tensor/);
  });

  it("refuses a Proxy", async () => {
    expectError(await runOne({ f: () => new Proxy({ a: 1 }, {}) }), /Proxy/);
  });

  it("refuses functions, class instances, symbols, bigints", async () => {
    expectError(await runOne({ f: () => () => 1 }), /is a function/);
    expectError(await runOne({ f: () => new Map() }), /instance of a class/);
    expectError(await runOne({ f: () => 10n }), /bigint/);
    expectError(await runOne({ f: () => ({ [Symbol("k")]: 1 }) }), /symbol key/);
  });

  it("refuses huge arrays and cycles before walking them", async () => {
    expectError(await runOne({ f: () => new Array(5_000_000) }), /array of 5000000 items/);
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expectError(await runOne({ f: () => cyclic }), /nested more than/);
  });

  it("reads tensor values from the engine, so a patched dataSync cannot forge results", async () => {
    const original = tf.Tensor.prototype.dataSync;
    const r = await runOne({
      f: (t: tf.Tensor) => {
        tf.Tensor.prototype.dataSync = function forged() {
          return new Float32Array([42, 42, 42, 42]);
        } as never;
        return tf.neg(t);
      },
    });
    tf.Tensor.prototype.dataSync = original;
    expect(r.ok && r.value.t === "tensor" && Array.from(r.value.data)).toEqual([-1, 2, -3, -4]);
  });

  it("is not fooled by patched Array.prototype.push or Object.prototype setters", async () => {
    const push = Array.prototype.push;
    const r = await runOne({
      f: (t: tf.Tensor) => {
        Array.prototype.push = function hijacked() {
          return 0;
        };
        return [t, t];
      },
    });
    Array.prototype.push = push;
    expect(r.ok && r.value.t === "array" && r.value.items.length).toBe(2);
  });

  it("reports a disposed tensor", async () => {
    expectError(
      await runOne({
        f: () => {
          const t = tf.scalar(1);
          t.dispose();
          return t;
        },
      }),
      /disposed tensor/,
    );
  });

  it("describes thrown non-errors", async () => {
    const r = await runOne({
      f: () => {
        throw "plain string";
      },
    });
    expect(r).toMatchObject({ ok: false, error: { name: "Thrown", message: "plain string" } });
  });

  it("runs harness calls with the module and tf", async () => {
    const res = await executeCalls({ g: (n: number) => n * 2 }, restrictTf(TF, []), [
      { id: "h", kind: "harness", source: "async (mod, tf, a) => mod.g(a) + tf.scalar(1).dataSync()[0]", args: [{ t: "number", v: 4 }] },
    ]);
    expect(res.results[0]).toEqual({ id: "h", ok: true, value: { t: "number", v: 9 } });
  });

  it("turns a load failure into a RealmResult", () => {
    expect(loadFailure(new SyntaxError("bad"))).toMatchObject({ load: { ok: false, error: { name: "SyntaxError", message: "bad" } }, results: [] });
  });
});

describe("executeCalls dtypes", () => {
  it("reports the dtype of a cast tensor that shares its input's data", async () => {
    const res = await executeCalls({ f: () => tf.cast(tf.greater(tf.tensor1d([1, -1]), 0), "float32") }, restrictTf(TF, []), [
      { id: "0", kind: "export", export: "f", args: [] },
    ]);
    expect(res.results[0]).toMatchObject({ ok: true, value: { t: "tensor", dtype: "float32", data: Float32Array.of(1, 0) } });
  });
});

describe("callSequence (a host steps through the calls one at a time)", () => {
  afterEach(() => unrestrictTf(TF));
  const calls: SandboxCall[] = [
    { id: "0.0", kind: "export", export: "f", args: [{ t: "number", v: 1 }] },
    { id: "1.0", kind: "export", export: "f", args: [{ t: "number", v: 2 }] },
    { id: "2.0", kind: "export", export: "g", args: [] },
  ];

  it("runs exactly one call per step, in order, each result carrying its own call's id", async () => {
    const ran: number[] = [];
    const mod = { f: (n: number) => (ran.push(n), n * 10), g: () => "done" };
    const seq = callSequence(mod, restrictTf(TF, []), calls);
    expect(seq.started()).toBe(0);
    expect(await seq.next()).toEqual({ id: "0.0", ok: true, value: { t: "number", v: 10 } });
    expect(ran).toEqual([1]);
    expect(seq.started()).toBe(1);
    expect(await seq.next()).toEqual({ id: "1.0", ok: true, value: { t: "number", v: 20 } });
    expect(await seq.next()).toEqual({ id: "2.0", ok: true, value: { t: "string", v: "done" } });
    expect(await seq.next()).toBeUndefined();
    seq.end();
    // executeCalls is the same loop run to the end.
    expect((await executeCalls(mod, restrictTf(TF, []), calls)).results.map((r) => r.id)).toEqual(["0.0", "1.0", "2.0"]);
  });

  it("cannot be advanced or redirected by the submission", async () => {
    const list = [...calls];
    const held: { seq?: ReturnType<typeof callSequence> } = {};
    const mod = {
      // The submission mutates the caller's array, tries the sequence from inside a call, and returns a look-alike result.
      f: async () => {
        list.length = 0;
        await expect(held.seq!.next()).rejects.toThrow(/still running/);
        return { id: "2.0", ok: true, value: { t: "number", v: 99 } } as unknown as number;
      },
      g: () => 1,
    };
    const seq = (held.seq = callSequence(mod, restrictTf(TF, []), list));
    const first = await seq.next();
    expect(first?.id).toBe("0.0");
    // Its return value is marshalled as data (an object), never taken for a result of another call.
    expect(first).toMatchObject({ ok: true, value: { t: "object" } });
    expect(seq.started()).toBe(1);
    expect((await seq.next())?.id).toBe("1.0");
    expect((await seq.next())?.id).toBe("2.0");
    seq.end();
  });

  it("keeps banned kernels refused between two steps, until end()", async () => {
    const r = restrictTf(TF, ["softmax"]);
    // tf.layers reaches the kernel through tfjs's own engine, which refuses it only in student mode.
    const leftover = () => (r["layers"] as typeof tf.layers).softmax().apply(tf.tensor2d([[1, 2]]));
    const seq = callSequence({ f: (n: number) => n, g: () => 0 }, r, calls);
    await seq.next();
    // What a continuation the submission left queued would do after its call returned.
    expect(leftover).toThrow(/tf\.softmax is not available .*kernel "Softmax"/);
    await seq.next();
    seq.end();
    seq.end();
    // Trusted code after the run keeps the real kernel (end() is idempotent: no double decrement).
    expect((leftover() as tf.Tensor).shape).toEqual([1, 2]);
    const again = callSequence({ f: (n: number) => n, g: () => 0 }, r, calls);
    expect(leftover).toThrow(/tf\.softmax is not available/);
    again.end();
  });
});
