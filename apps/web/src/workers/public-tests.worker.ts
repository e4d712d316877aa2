/**
 * Browser pre-check realm: loads tfjs (cpu backend), then for one run builds the restricted tf
 * (exercise-kit's restrictTf), links the compiled submission against it through blob URLs, and
 * runs the public calls with exercise-kit's executeCalls. The result goes back to the page, which
 * has the server score it with scorePublic (the grader's comparison code). The page terminates
 * this worker after the run, or on a time-out, and warms a fresh one.
 */
import * as tf from "@tensorflow/tfjs";
import { linkTfImport } from "../lib/exercise/module-link.ts";
import type { RealmResultJson, RunRequest, WorkerMessage } from "../lib/exercise/worker-protocol.ts";
import { executeCalls, loadFailure, restrictTf, tfModuleSource, wireFromJson, wireToJson, type RealmResult, type SandboxCall } from "./kit.ts";

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

function safeString(v: unknown): string {
  try {
    if (v instanceof tf.Tensor) return `Tensor(${v.dtype}, [${v.shape.join(", ")}])`;
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function captureConsole(logs: string[]): void {
  const push =
    (level: string) =>
    (...args: unknown[]) => {
      if (logs.length >= MAX_LOGS) return;
      const text = args.map((a) => (typeof a === "string" ? a : safeString(a))).join(" ");
      logs.push(level === "log" ? text : `[${level}] ${text}`);
    };
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    (console as unknown as Record<string, unknown>)[level] = push(level);
  }
}

function toCall(raw: unknown): SandboxCall {
  const c = raw as { id?: unknown; kind?: unknown; export?: unknown; source?: unknown; args?: unknown };
  if (typeof c.id !== "string" || !Array.isArray(c.args)) throw new Error("malformed public test call");
  const args = c.args.map((a) => wireFromJson(a));
  if (c.kind === "export" && typeof c.export === "string") return { id: c.id, kind: "export", export: c.export, args };
  if (c.kind === "harness" && typeof c.source === "string") return { id: c.id, kind: "harness", source: c.source, args };
  throw new Error("malformed public test call");
}

function toJson(r: RealmResult): RealmResultJson {
  return {
    load: r.load,
    results: r.results.map((x) => (x.ok ? { id: x.id, ok: true, value: wireToJson(x.value) } : x)),
    logs: r.logs,
  };
}

async function run(req: RunRequest): Promise<RealmResultJson> {
  const calls = req.calls.map(toCall);
  const restricted = restrictTf(tf as unknown as Record<string, unknown>, req.bans, { allow: req.allow });
  (globalThis as Record<string, unknown>)[TF_GLOBAL] = restricted;
  const shimUrl = URL.createObjectURL(new Blob([tfModuleSource(restricted, TF_GLOBAL)], { type: "text/javascript" }));
  // sourceURL names the module submission.js, so error stacks carry its line numbers.
  const source = `${linkTfImport(req.code, shimUrl)}\n//# sourceURL=submission.js\n`;
  const modUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const logs: string[] = [];
  captureConsole(logs);
  let realm: RealmResult;
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
  return toJson(realm);
}

scope.addEventListener("message", (e: MessageEvent<RunRequest>) => {
  if (e.data?.type !== "run") return;
  const started = performance.now();
  run(e.data).then(
    (realm) => post({ type: "result", runId: e.data.runId, realm, durationMs: Math.round(performance.now() - started) }),
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
