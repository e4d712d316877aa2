import * as tf from "@tensorflow/tfjs";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lastBackendAttempts, selectBackend, wasmDistDir, wasmDistUrl } from "./select.ts";

afterAll(async () => {
  await tf.setBackend("cpu");
});

describe("selectBackend", () => {
  it("finds the wasm binaries inside the installed package", async () => {
    const dir = await wasmDistDir();
    for (const f of ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm"]) expect(existsSync(path.join(dir, f))).toBe(true);
    expect(await wasmDistUrl()).toMatch(/^file:\/\/.*tfjs-backend-wasm\/dist\/$/);
  });

  it("keeps the package importable in a browser bundle: no static Node built-in imports in src", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "test-helpers.ts");
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /^\s*import\s+(?!type\b)[^;]*from\s+["'](node:[^"']+|fs|path|url|module)["']/m.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("falls back to wasm when tfjs-node is not installed (real dynamic import)", async () => {
    expect(await selectBackend()).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    const [node, wasm] = lastBackendAttempts();
    expect(node).toMatchObject({ name: "tensorflow", ok: false });
    expect(node?.reason).toMatch(/tfjs-node/);
    expect(wasm).toEqual({ name: "wasm", ok: true });
    // The wasm path registers the missing gradient kernels.
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")).toBeDefined();
    const g = tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, f as tf.Tensor4D, 1, "valid")))(tf.ones([2, 2, 1, 1]));
    expect(Array.from(g.dataSync())).toEqual([9, 9, 9, 9]);
  });

  it("falls back when the tfjs-node loader throws, or loads without registering a backend", async () => {
    await tf.setBackend("cpu");
    const failing = async (): Promise<unknown> => {
      throw new Error("libtensorflow.so: cannot open shared object file");
    };
    expect(await selectBackend({ loadNode: failing })).toBe("wasm");
    expect(lastBackendAttempts()[0]?.reason).toMatch(/libtensorflow/);
    await tf.setBackend("cpu");
    expect(await selectBackend({ loadNode: async () => ({}) })).toBe("wasm");
    expect(lastBackendAttempts()[0]?.reason).toMatch(/registered no 'tensorflow' backend/);
  });

  it("honours the preference order and falls back to cpu", async () => {
    expect(await selectBackend({ prefer: ["cpu", "wasm"] })).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
    const failing = async (): Promise<unknown> => Promise.reject(new Error("absent"));
    expect(await selectBackend({ prefer: ["tensorflow", "cpu"], loadNode: failing })).toBe("cpu");
    expect(lastBackendAttempts().map((a) => a.ok)).toEqual([false, true]);
  });

  it("throws with every reason when nothing preferred works, and rejects bad options", async () => {
    const failing = async (): Promise<unknown> => Promise.reject(new Error("absent"));
    await expect(selectBackend({ prefer: ["tensorflow"], loadNode: failing })).rejects.toThrow(/tensorflow \(absent\)/);
    await expect(selectBackend({ prefer: [] })).rejects.toThrow();
    await expect(selectBackend({ prefer: ["gpu" as "cpu"] })).rejects.toThrow();
  });
});
