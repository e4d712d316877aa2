import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import { lastBackendAttempts, selectBackend } from "./select.ts";

// Its own file, so the wasm backend has not been initialised in this process yet.
afterAll(async () => {
  await tf.setBackend("cpu");
});

describe("selectBackend when the wasm binaries cannot be loaded", () => {
  it("falls back to cpu and says why", async () => {
    const absent = async (): Promise<unknown> => Promise.reject(new Error("absent"));
    const name = await selectBackend({ loadNode: absent, wasmPaths: "/nonexistent/wasm-binaries/" });
    expect(name).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
    const [node, wasm, cpu] = lastBackendAttempts();
    expect(node).toMatchObject({ name: "tensorflow", ok: false });
    expect(wasm).toMatchObject({ name: "wasm", ok: false });
    expect(wasm?.reason).toBeTruthy();
    expect(cpu).toEqual({ name: "cpu", ok: true });
  });
});
