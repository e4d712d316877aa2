/**
 * Browser pre-check realm: loads tfjs (cpu backend), then for one run builds the restricted tf,
 * links the compiled submission against it (blob URLs), runs the public calls with exercise-kit's
 * executeCalls and scores them with scorePublic, the grader's own comparison code. The page
 * terminates this worker after the run (or on a time-out) and warms a fresh one.
 */
import * as tf from "@tensorflow/tfjs";
import { linkTfImport } from "../lib/exercise/module-link.ts";
import type { PublicRunOutcome, RunRequest, WorkerMessage } from "../lib/exercise/worker-protocol.ts";
import { executeCalls, fixtureCalls, loadFailure, restrictTf, scorePublic, tfModuleSource } from "./kit.ts";

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (e: MessageEvent<RunRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const TF_GLOBAL = "__courseRestrictedTf";
const MAX_LOGS = 200;

function post(message: WorkerMessage): void {
  scope.postMessage(message);
}

function captureConsole(logs: string[]): void {
  const push = (level: string) => (...args: unknown[]) => {
    if (logs.length >= MAX_LOGS) return;
    const text = args.map((a) => (typeof a === "string" ? a : safeString(a))).join(" ");
    logs.push(level === "log" ? text : `[${level}] ${text}`);
  };
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    (console as unknown as Record<string, unknown>)[level] = push(level);
  }
}

function safeString(v: unknown): string {
  try {
    if (v instanceof tf.Tensor) return `Tensor(${v.dtype}, [${v.shape.join(", ")}])`;
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

async function run(req: RunRequest): Promise<PublicRunOutcome> {
  const started = performance.now();
  const calls = fixtureCalls(req.fixtures);
  const restricted = restrictTf(tf as unknown as Record<string, unknown>, req.bans, { allow: req.allow });
  (globalThis as Record<string, unknown>)[TF_GLOBAL] = restricted;
  const shimUrl = URL.createObjectURL(new Blob([tfModuleSource(restricted, TF_GLOBAL)], { type: "text/javascript" }));
  const source = `${linkTfImport(req.code, shimUrl)}\n//# sourceURL=submission.js\n`;
  const modUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const logs: string[] = [];
  captureConsole(logs);
  let realm;
  try {
    const mod: unknown = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ modUrl);
    realm = await executeCalls(mod, restricted, calls);
  } catch (e) {
    realm = loadFailure(e);
  } finally {
    URL.revokeObjectURL(modUrl);
    URL.revokeObjectURL(shimUrl);
  }
  realm.logs = logs;
  const durationMs = Math.round(performance.now() - started);
  const report = scorePublic(req.fixtures, realm, { durationMs, ...(req.sourceMap ? { sourceMap: req.sourceMap } : {}) });
  return {
    status: report.status,
    tests: report.tests.map((t) => ({ name: t.name, passed: t.passed, points: t.points, maxPoints: t.maxPoints, message: t.message ?? null })),
    loadError: realm.load.ok ? null : `${realm.load.error.name}: ${realm.load.error.message}`,
    logs,
    durationMs,
  };
}

scope.addEventListener("message", (e: MessageEvent<RunRequest>) => {
  if (e.data?.type !== "run") return;
  run(e.data).then(
    (outcome) => post({ type: "result", runId: e.data.runId, outcome }),
    (err: unknown) => post({ type: "fatal", message: err instanceof Error ? err.message : String(err) }),
  );
});

const t0 = performance.now();
tf.setBackend("cpu")
  .then(() => tf.ready())
  .then(
    () => post({ type: "ready", backend: tf.getBackend(), loadMs: Math.round(performance.now() - t0) }),
    (err: unknown) => post({ type: "fatal", message: `tfjs could not start: ${err instanceof Error ? err.message : String(err)}` }),
  );
