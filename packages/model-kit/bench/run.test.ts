import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import { formatBenchTable, ModelKitBenchResultSchema, runModelKitBench } from "./run.ts";

afterAll(async () => {
  await tf.setBackend("cpu");
});

describe("runModelKitBench", () => {
  it("measures every case on the requested backends and reports the unavailable ones", async () => {
    await tf.setBackend("cpu");
    const before = tf.memory().numTensors;
    const r = await runModelKitBench({ quick: true, backends: ["tensorflow", "wasm"] });
    expect(ModelKitBenchResultSchema.parse(r)).toEqual(r);
    expect(r.backends.map((b) => [b.name, b.available])).toEqual([
      ["tensorflow", false],
      ["wasm", true],
    ]);
    expect(r.cases.map((c) => c.name)).toEqual(["matmul 256", "matmul 512", "conv2d forward", "conv2d backward", "MLP epoch", "CNN epoch"]);
    for (const c of r.cases) {
      expect(c.ms.tensorflow).toBeNull();
      expect(c.ms.wasm).toBeGreaterThan(0);
      expect(c.cpuMs.wasm).toBeGreaterThan(0);
      expect(c.wasmOverCpu).toBeNull(); // cpu not requested
      expect(c.wasmOverCpuCpuTime).toBeNull();
    }
    expect(tf.getBackend()).toBe("cpu"); // restored
    expect(tf.memory().numTensors).toBe(before);
    const table = formatBenchTable(r);
    for (const c of r.cases) expect(table).toContain(c.name);
    expect(table).toMatch(/tensorflow: unavailable/);
  });
});
