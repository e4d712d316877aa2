import * as tf from "@tensorflow/tfjs";
import { afterEach, describe, expect, it } from "vitest";
import { asStudentCode, restrictTf, unrestrictTf, type TfNamespace } from "./restrict.ts";

const TF = tf as unknown as TfNamespace;
type AnyFn = (...a: unknown[]) => unknown;
const fn = (ns: Record<string, unknown>, path: string): AnyFn =>
  path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], ns) as AnyFn;

describe("restrictTf", () => {
  afterEach(() => unrestrictTf(TF));

  it("replaces a banned function by one that throws naming it", () => {
    const r = restrictTf(TF, ["softmax"]);
    expect(() => fn(r, "softmax")(tf.tensor2d([[1, 2]]))).toThrow("tf.softmax is not available in this exercise");
    // Everything else still works.
    expect((fn(r, "add")(tf.scalar(1), tf.scalar(2)) as tf.Tensor).dataSync()[0]).toBe(3);
  });

  it("bans the chained tensor method of the same op, with the same message", () => {
    restrictTf(TF, ["softmax", "relu", "sigmoid"]);
    const x = tf.tensor2d([[1, -2]]);
    expect(() => x.softmax()).toThrow(/tf\.softmax is not available in this exercise \(called as the tensor method x\.softmax\(\)\)/);
    expect(() => x.relu()).toThrow(/tf\.relu is not available/);
    expect(() => x.sigmoid()).toThrow(/tf\.sigmoid is not available/);
    expect(x.abs().dataSync()[1]).toBe(2);
  });

  it("restores the tensor methods on unrestrictTf", () => {
    restrictTf(TF, ["relu"]);
    unrestrictTf(TF);
    expect(Array.from(tf.tensor1d([-1, 2]).relu().dataSync())).toEqual([0, 2]);
  });

  it("bans whole namespaces: losses.*, train.*", () => {
    const r = restrictTf(TF, ["losses.*", "train.*"]);
    expect(() => fn(r, "losses.meanSquaredError")(tf.scalar(1), tf.scalar(2))).toThrow("tf.losses.meanSquaredError is not available");
    expect(() => fn(r, "train.sgd")(0.1)).toThrow("tf.train.sgd is not available");
    expect(() => fn(r, "train.adam")(0.1)).toThrow("tf.train.adam is not available");
  });

  it("bans layers.* but keeps allowed exceptions such as layers.Layer", () => {
    const r = restrictTf(TF, ["layers.*"], { allow: ["layers.Layer"] });
    expect(() => fn(r, "layers.dense")({ units: 1 })).toThrow("tf.layers.dense is not available");
    expect(fn(r, "layers.Layer")).toBe(tf.layers.Layer);
  });

  it("bans a single nested function (linalg.bandPart, layers.dense)", () => {
    const r = restrictTf(TF, ["linalg.bandPart", "layers.dense", "grad", "grads"]);
    expect(() => fn(r, "linalg.bandPart")(tf.ones([2, 2]), -1, 0)).toThrow("tf.linalg.bandPart is not available");
    expect(typeof fn(r, "linalg.qr")).toBe("function");
    expect(() => fn(r, "layers.dense")({ units: 2 })).toThrow("tf.layers.dense is not available");
    expect(typeof fn(r, "layers.conv2d")).toBe("function");
    expect(() => fn(r, "grad")((x: tf.Tensor) => x)).toThrow("tf.grad is not available");
  });

  it("returns a frozen namespace a submission cannot repair", () => {
    const r = restrictTf(TF, ["softmax"]);
    expect(Object.isFrozen(r)).toBe(true);
    expect(() => {
      (r as Record<string, unknown>)["softmax"] = tf.softmax;
    }).toThrow(TypeError);
  });
});

describe("restrictTf kernel back door", () => {
  afterEach(() => unrestrictTf(TF));

  it("refuses the kernels of banned ops through engine().runKernel and getKernel", () => {
    const r = restrictTf(TF, ["softmax", "conv2d"]);
    const engine = (r["engine"] as () => { runKernel: (...a: unknown[]) => tf.Tensor })();
    const logits = tf.tensor2d([[1, 2]]);
    expect(() => engine.runKernel("Softmax", { logits }, { dim: -1 })).toThrow(/tf\.softmax is not available in this exercise \(called through its kernel "Softmax"\)/);
    expect(() => (r["getKernel"] as (k: string, b: string) => unknown)("Conv2D", "cpu")).toThrow(/tf\.conv2d is not available/);
    // Other kernels still run, and so do tfjs's own ops (which use the real engine).
    const sum = engine.runKernel("Add", { a: tf.scalar(1), b: tf.scalar(2) }, {});
    expect(sum.dataSync()[0]).toBe(3);
    expect(tf.softmax(logits).shape).toEqual([1, 2]);
  });
});

describe("restrictTf deeper back doors", () => {
  afterEach(() => unrestrictTf(TF));

  it("hands out an engine view that is not, and does not lead to, the real engine", () => {
    const r = restrictTf(TF, ["softmax"]);
    const view = (r["engine"] as () => object)();
    expect(Object.getPrototypeOf(view)).toBeNull();
    expect(Object.isFrozen(view)).toBe(true);
    expect((view as Record<string, unknown>)["runKernelFunc"]).toBeUndefined();
    expect((view as { memory: () => { numTensors: number } }).memory().numTensors).toBeGreaterThanOrEqual(0);
  });

  it("keeps banned kernels out of getKernelsForBackend", () => {
    const r = restrictTf(TF, ["softmax"]);
    const kernels = (r["getKernelsForBackend"] as (b: string) => { kernelName: string }[])("cpu");
    expect(kernels.some((k) => k.kernelName === "Softmax")).toBe(false);
    expect(kernels.some((k) => k.kernelName === "Add")).toBe(true);
  });

  it("closes the gradient machinery when gradients are banned", () => {
    const r = restrictTf(TF, ["grad", "grads"]);
    const view = (r["engine"] as () => Record<string, unknown>)();
    expect(view["gradients"]).toBeUndefined();
    expect(() => (r["getGradient"] as (k: string) => unknown)("BatchMatMul")).toThrow(/tf\.grad is not available/);
    const open = restrictTf(TF, []);
    expect(typeof (open["engine"] as () => Record<string, unknown>)()["gradients"]).toBe("function");
  });

  it("is not fooled by a patched String.prototype.toLowerCase", () => {
    const r = restrictTf(TF, ["softmax"]);
    const engine = (r["engine"] as () => { runKernel: (...a: unknown[]) => unknown })();
    const original = String.prototype.toLowerCase;
    String.prototype.toLowerCase = () => "add";
    try {
      expect(() => engine.runKernel("Softmax", { logits: tf.tensor2d([[1, 2]]) }, { dim: -1 })).toThrow(/tf\.softmax is not available/);
    } finally {
      String.prototype.toLowerCase = original;
    }
  });
});

describe("restrictTf below the API", () => {
  afterEach(() => unrestrictTf(TF));

  it("refuses banned kernels reached through tf.layers, tf.env().global and fused ops while student code runs", async () => {
    const r = restrictTf(TF, ["softmax", "relu"]);
    const logits = tf.tensor2d([[1, 2, 3]]);
    const viaLayer = () => (r["layers"] as typeof tf.layers).softmax().apply(logits);
    const viaFused = () => (r["fused"] as typeof tf.fused).matMul({ a: logits, b: tf.eye(3), activation: "relu" });
    await expect(asStudentCode(viaLayer)).rejects.toThrow(/tf\.softmax is not available .*kernel "Softmax"/);
    await expect(asStudentCode(viaFused)).rejects.toThrow(/tf\.relu is not available .*kernel "_FusedMatMul"/);
    const envView = (r["env"] as () => Record<string, unknown>)();
    expect(envView["global"]).toBeUndefined();
    expect((r["ENV"] as Record<string, unknown>)["global"]).toBeUndefined();
    // Trusted code outside student code keeps the real thing.
    expect((viaLayer() as tf.Tensor).shape).toEqual([1, 3]);
    expect(tf.softmax(logits).shape).toEqual([1, 3]);
  });

  it("is removed by unrestrictTf", async () => {
    restrictTf(TF, ["softmax"]);
    unrestrictTf(TF);
    await expect(asStudentCode(() => tf.layers.softmax().apply(tf.tensor2d([[1, 2]])))).resolves.toBeDefined();
  });
});
