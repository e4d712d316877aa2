import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as f64 from "../float64/index.ts";
import { createRng } from "../rng.ts";
import { expectAgree } from "../test-helpers.ts";
import { selectBackend } from "./select.ts";
import { conv2dBackpropFilterByConv, conv2dBackpropFilterIm2col, registerWasmGradientKernels, WASM_GRADIENT_KERNELS } from "./wasm-kernels.ts";

beforeAll(async () => {
  expect(await selectBackend({ prefer: ["wasm"] })).toBe("wasm");
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

/** Run fn on a backend with inputs made there from plain arrays; return plain results. */
async function on<T>(backend: "cpu" | "wasm", fn: () => T): Promise<T> {
  await tf.setBackend(backend);
  return fn();
}

type Conv2dPad = "valid" | "same" | number;
interface Case {
  x: [number, number, number, number];
  f: [number, number, number, number];
  stride: number | [number, number];
  pad: Conv2dPad;
}

const cases: Case[] = [
  { x: [2, 8, 8, 3], f: [3, 3, 3, 4], stride: 1, pad: "same" },
  { x: [2, 9, 7, 2], f: [3, 3, 2, 5], stride: 2, pad: "valid" },
  { x: [1, 10, 10, 4], f: [5, 3, 4, 2], stride: [2, 1], pad: "same" },
  { x: [3, 6, 6, 1], f: [2, 2, 1, 3], stride: 2, pad: 1 },
  { x: [1, 5, 5, 2], f: [1, 1, 2, 2], stride: 1, pad: 0 },
];

describe("wasm gradient kernels", () => {
  it("are registered once (idempotent) and cover Conv2DBackpropFilter", () => {
    expect(WASM_GRADIENT_KERNELS.map((k) => k.kernelName)).toEqual([
      "Conv2DBackpropFilter",
      "UnsortedSegmentSum",
      "DepthwiseConv2dNativeBackpropFilter",
      "DepthwiseConv2dNativeBackpropInput",
    ]);
    expect(registerWasmGradientKernels()).toEqual([]);
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")).toBeDefined();
  });

  for (const c of cases) {
    it(`conv2d filter gradient on wasm equals cpu and float64 (x ${c.x.join("×")}, f ${c.f.join("×")}, stride ${String(c.stride)}, pad ${c.pad})`, async () => {
      const rng = createRng(31);
      const xv = rng.normalArray(c.x.reduce((a, b) => a * b));
      const fv = rng.normalArray(c.f.reduce((a, b) => a * b));
      const grads = (): { dx: number[]; df: number[]; shape: number[] } =>
        tf.tidy(() => {
          const x = tf.tensor4d(xv, c.x);
          const f = tf.tensor4d(fv, c.f);
          const y = tf.conv2d(x, f, c.stride, c.pad);
          const dOut = tf.tensor(createRng(5).normalArray(y.size), y.shape);
          const [dx, df] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad))([x, f], dOut);
          return { dx: Array.from(dx!.dataSync()), df: Array.from(df!.dataSync()), shape: y.shape };
        });
      const wasm = await on("wasm", grads);
      const cpu = await on("cpu", grads);
      expectAgree({ shape: c.f, values: wasm.df }, { shape: c.f, values: cpu.df });
      // Both formulations, called directly on wasm, agree with cpu's kernel too.
      await tf.setBackend("wasm");
      for (const impl of [conv2dBackpropFilterIm2col, conv2dBackpropFilterByConv]) {
        const df = tf.tidy(() => {
          const x = tf.tensor4d(xv, c.x);
          const dy = tf.tensor4d(createRng(5).normalArray(wasm.shape.reduce((a, b) => a * b)), wasm.shape as [number, number, number, number]);
          return Array.from(impl(x, dy, c.f, c.stride, c.pad).dataSync());
        });
        expectAgree({ shape: c.f, values: df }, { shape: c.f, values: cpu.df });
      }
      expectAgree({ shape: c.x, values: wasm.dx }, { shape: c.x, values: cpu.dx });
      if (typeof c.pad === "number" && typeof c.stride === "number") {
        const dOut = { shape: wasm.shape, values: Float64Array.from(createRng(5).normalArray(wasm.shape.reduce((a, b) => a * b))) };
        const e = f64.conv2dBackward(dOut, { shape: c.x, values: xv }, { shape: c.f, values: fv }, c.stride, c.pad);
        expectAgree({ shape: c.f, values: wasm.df }, e.dFilters);
      }
      await tf.setBackend("wasm");
    });
  }

  for (const [xs, fs, stride, pad] of [
    [[2, 8, 8, 3], [3, 3, 3, 2], 1, "same"],
    [[1, 9, 7, 2], [3, 2, 2, 1], 2, "valid"],
    [[2, 6, 6, 4], [2, 2, 4, 3], 2, 1],
  ] as [[number, number, number, number], [number, number, number, number], number, Conv2dPad][]) {
    it(`depthwise conv gradients on wasm equal cpu (x ${xs.join("×")}, f ${fs.join("×")}, stride ${stride}, pad ${pad})`, async () => {
      const rng = createRng(44);
      const xv = rng.normalArray(xs.reduce((a, b) => a * b));
      const fv = rng.normalArray(fs.reduce((a, b) => a * b));
      const run = (): number[][] =>
        tf.tidy(() => {
          const x = tf.tensor4d(xv, xs);
          const f = tf.tensor4d(fv, fs);
          const y = tf.depthwiseConv2d(x, f, stride, pad);
          const dOut = tf.tensor(createRng(6).normalArray(y.size), y.shape);
          const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad))([x, f], dOut);
          return g.map((t) => Array.from(t.dataSync()));
        });
      const [wdx, wdf] = await on("wasm", run);
      const [cdx, cdf] = await on("cpu", run);
      expectAgree({ shape: xs, values: wdx! }, { shape: xs, values: cdx! });
      expectAgree({ shape: fs, values: wdf! }, { shape: fs, values: cdf! });
      await tf.setBackend("wasm");
    });
  }

  it("UnsortedSegmentSum (gather's gradient) on wasm equals cpu, repeated and int ids", async () => {
    const rng = createRng(8);
    const table = rng.normalArray(6 * 4);
    const ids = [0, 2, 2, 5, 0, 2];
    const dOutV = rng.normalArray(6 * 4);
    const run = (): number[] =>
      tf.tidy(() => {
        const t = tf.tensor2d(table, [6, 4]);
        const idT = tf.tensor2d(ids, [2, 3], "int32");
        const dOut = tf.tensor3d(dOutV, [2, 3, 4]);
        return Array.from(tf.grad((tt: tf.Tensor) => tf.sum(tf.mul(tf.gather(tt, idT), dOut)))(t).dataSync());
      });
    const wasm = await on("wasm", run);
    const cpu = await on("cpu", run);
    expectAgree({ shape: [6, 4], values: wasm }, { shape: [6, 4], values: cpu });
    await tf.setBackend("wasm");
    const direct = tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4], "int32"), tf.tensor1d([1, 1, 0, 3], "int32"), 4);
    expect(direct.dtype).toBe("int32");
    expect(Array.from(direct.dataSync())).toEqual([3, 3, 0, 4]);
    direct.dispose();
  });

  it("a small CNN's parameter gradients on wasm match the cpu backend's", async () => {
    const rng = createRng(12);
    const shapes: Record<string, number[]> = { k1: [3, 3, 1, 4], b1: [4], k2: [3, 3, 4, 8], b2: [8], w: [2 * 2 * 8, 3], b: [3] };
    const values = Object.fromEntries(Object.entries(shapes).map(([k, s]) => [k, rng.normalArray(s.reduce((a, b) => a * b), 0, 0.3)]));
    const xv = rng.normalArray(6 * 10 * 10);
    const labels = Array.from({ length: 6 }, () => rng.int(0, 3));
    const run = (): Record<string, number[]> =>
      tf.tidy(() => {
        const names = Object.keys(shapes);
        const params = names.map((k) => tf.tensor(values[k]!, shapes[k]));
        const x = tf.tensor4d(xv, [6, 10, 10, 1]);
        const y = tf.oneHot(tf.tensor1d(labels, "int32"), 3);
        const loss = (k1: tf.Tensor, b1: tf.Tensor, k2: tf.Tensor, b2: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Scalar => {
          let h = tf.relu(tf.add(tf.conv2d(x, k1 as tf.Tensor4D, 1, "same"), b1));
          h = tf.maxPool(h as tf.Tensor4D, 2, 2, "valid");
          h = tf.relu(tf.add(tf.conv2d(h as tf.Tensor4D, k2 as tf.Tensor4D, 2, "valid"), b2));
          const logits = tf.add(tf.matMul(tf.reshape(h, [6, -1]) as tf.Tensor2D, w as tf.Tensor2D), b);
          return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
        };
        const g = tf.grads((...p: tf.Tensor[]) => loss(p[0]!, p[1]!, p[2]!, p[3]!, p[4]!, p[5]!))(params);
        return Object.fromEntries(names.map((k, i) => [k, Array.from(g[i]!.dataSync())]));
      });
    const wasm = await on("wasm", run);
    const cpu = await on("cpu", run);
    for (const k of Object.keys(shapes)) {
      expectAgree({ shape: shapes[k]!, values: wasm[k]! }, { shape: shapes[k]!, values: cpu[k]! }, { atol: 1e-5, rtol: 1e-3 });
    }
    await tf.setBackend("wasm");
  });

  it("the added kernels leak no tensors", () => {
    const x = tf.randomNormal([2, 6, 6, 2]);
    const f = tf.randomNormal([3, 3, 2, 3]);
    const ids = tf.tensor1d([1, 0], "int32");
    const fd = tf.randomNormal([3, 3, 2, 1]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const g = tf.grad((ff: tf.Tensor) => tf.sum(tf.conv2d(x as tf.Tensor4D, ff as tf.Tensor4D, 1, "same")))(f);
      g.dispose();
      const s = tf.unsortedSegmentSum(x, ids, 3);
      s.dispose();
      const dw = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, "same")))([x, fd]);
      tf.dispose(dw);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, f, ids, fd]);
  });
});
