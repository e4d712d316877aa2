/**
 * The lesson demos' worker: tfjs on the wasm backend (binaries from /tfjs-wasm/, see
 * app/tfjs-wasm), the model kit's extra wasm gradient kernels, and the demo computations of
 * ./demos. Runs interleave at their tick() calls; a cancel ends a run at its next tick. The page
 * side is components/lessons/demo-client.ts.
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { isDemoName } from "@course/lessons/browser";
import { registerWasmGradientKernels } from "../../../../packages/model-kit/src/backend/wasm-kernels.ts";
import type { DemoRequest, DemoResponse } from "../lib/lessons/demo-protocol.ts";
import { WASM_PATH } from "../lib/lessons/wasm-files.ts";
import { Cancelled, createContext, loadOwnModule, OwnCodeError } from "./demo-context.ts";
import { demoComputations } from "./demos/index.ts";

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (e: MessageEvent<DemoRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (m: DemoResponse) => scope.postMessage(m);
const cancelled = new Set<number>();

async function start(): Promise<string> {
  setWasmPaths(WASM_PATH);
  try {
    if (!(await tf.setBackend("wasm"))) throw new Error("wasm backend refused");
    registerWasmGradientKernels();
  } catch {
    // A browser without WebAssembly still gets the demos, slower.
    await tf.setBackend("cpu");
  }
  await tf.ready();
  return tf.getBackend();
}
const ready = start();

async function run(req: Extract<DemoRequest, { type: "run" }>): Promise<void> {
  const started = performance.now();
  try {
    await ready;
    if (!isDemoName(req.demo)) throw new Error(`unknown demo ${req.demo}`);
    const compute = demoComputations[req.demo];
    if (compute === undefined) throw new Error(`The demo "${req.demo}" is not available yet.`);
    const own = new Map(await Promise.all(req.own.map(async (m) => [m.exerciseId, await loadOwnModule(m)] as const)));
    const ctx = createContext<unknown>({ emit: (frame) => post({ type: "frame", runId: req.runId, frame }), isCancelled: () => cancelled.has(req.runId), own });
    await (compute as (p: unknown, c: typeof ctx) => Promise<void>)(req.params, ctx);
    post({ type: "done", runId: req.runId, ms: Math.round(performance.now() - started) });
  } catch (e) {
    if (e instanceof Cancelled) return;
    if (e instanceof OwnCodeError) post({ type: "error", runId: req.runId, message: e.message, exerciseId: e.exerciseId, ...(e.line === undefined ? {} : { line: e.line }) });
    else post({ type: "error", runId: req.runId, message: e instanceof Error ? e.message : String(e) });
  } finally {
    cancelled.delete(req.runId);
  }
}

scope.addEventListener("message", (e) => {
  const req = e.data;
  if (req?.type === "cancel") cancelled.add(req.runId);
  else if (req?.type === "run") void run(req);
});

const t0 = performance.now();
ready.then(
  (backend) => post({ type: "ready", backend, loadMs: Math.round(performance.now() - t0) }),
  (err: unknown) => post({ type: "fatal", message: `tfjs could not start: ${err instanceof Error ? err.message : String(err)}` }),
);
