/**
 * Sandbox host: a short-lived process (normally inside bubblewrap, unprivileged, no network, no
 * files but node, isolated-vm and the realm bundle) that pre-warms ONE isolate, reports "ready",
 * then runs exactly one submission and exits. stdout carries protocol lines only; the isolate has
 * no way to write to it (its console is a capped in-isolate buffer).
 *
 * argv: node --no-node-snapshot host.cjs <realm.js> <realm.cache|-> <memoryMb>
 */
import { readFileSync } from "node:fs";
import ivm from "isolated-vm";
import type { HostMessage, JobMessage, RealmErrorJson, ResultMessage } from "../protocol.ts";
import { callFromJson, realmResultToJson } from "../protocol.ts";
import type { RealmResult } from "../realm-types.ts";

const [realmPath, cachePath, memoryArg] = process.argv.slice(2);
const memoryMb = Number(memoryArg ?? "256");
const t0 = performance.now();

function send(msg: HostMessage, then?: () => void): void {
  process.stdout.write(JSON.stringify(msg) + "\n", then);
}

function finish(msg: ResultMessage): never {
  send(msg, () => process.exit(0));
  // Keep the event loop alive until the write is flushed.
  setTimeout(() => process.exit(0), 5000);
  throw new FinishSignal();
}

class FinishSignal extends Error {}

const memoryExceeded = false;
const isolate = new ivm.Isolate({
  memoryLimit: memoryMb,
  onCatastrophicError: (message: string) => {
    process.stderr.write(`isolate catastrophic error: ${message}\n`);
    process.exit(70);
  },
});
const context = isolate.createContextSync();

const realmSource = readFileSync(realmPath!, "utf8");
let cachedData: ivm.ExternalCopy<ArrayBuffer> | undefined;
if (cachePath && cachePath !== "-") {
  try {
    const buf = readFileSync(cachePath);
    cachedData = new ivm.ExternalCopy(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  } catch {
    cachedData = undefined;
  }
}
const script: ivm.Script & { cachedData?: ivm.ExternalCopy<ArrayBuffer>; cachedDataRejected?: boolean } = isolate.compileScriptSync(realmSource, {
  filename: "realm.js",
  ...(cachedData ? { cachedData } : { produceCachedData: true }),
});
script.runSync(context, { timeout: 30_000 });
const api = context.global.getSync("__courseRealm", { reference: true }) as ivm.Reference<Record<string, unknown>>;
context.global.deleteSync("__courseRealm");
const prepareFn = api.getSync("prepare", { reference: true }) as ivm.Reference<unknown>;
const runFn = api.getSync("run", { reference: true }) as ivm.Reference<unknown>;
const loadFailedFn = api.getSync("loadFailed", { reference: true }) as ivm.Reference<unknown>;

// Pre-warm tfjs's kernels in this pristine isolate (no student code has run yet).
(api.getSync("warm", { reference: true }) as ivm.Reference<unknown>).applySync(undefined, [], { timeout: 30_000 });

const ready: HostMessage = { type: "ready", warmMs: performance.now() - t0 };
if (!cachedData && script.cachedData) ready.cache = Buffer.from(script.cachedData.copy()).toString("base64");
if (cachedData && script.cachedDataRejected) ready.cacheRejected = true;
send(ready);

// ---- one job from stdin -----------------------------------------------------------------------------
let input = "";
let jobStarted = false;
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  input += chunk;
  const nl = input.indexOf("\n");
  if (nl >= 0) {
    process.stdin.pause();
    jobStarted = true;
    const line = input.slice(0, nl);
    input = "";
    void runJob(JSON.parse(line) as JobMessage).catch((e: unknown) => {
      if (e instanceof FinishSignal) return;
      finishWith("crashed", undefined, `host error: ${e instanceof Error ? e.message : String(e)}`);
    });
  }
});
process.stdin.on("end", () => {
  // The trusted side closed our stdin without a job: the pool is shutting down.
  if (!jobStarted) process.exit(0);
});

let jobStart = 0;
let stopReason: "timeout" | "cpu" | undefined;

function cpuMs(): number {
  try {
    return Number(isolate.cpuTime) / 1e6;
  } catch {
    return 0;
  }
}

function finishWith(outcome: ResultMessage["outcome"], realm: RealmResult | undefined, detail?: string): never {
  finish({
    type: "result",
    outcome,
    ...(detail === undefined ? {} : { detail }),
    ...(realm === undefined ? {} : { realm: realmResultToJson(realm) }),
    cpuMs: lastCpu,
    wallMs: performance.now() - jobStart,
  });
}

let lastCpu = 0;

/** Classify an exception thrown by isolated-vm out of a call into the isolate. */
function classify(e: unknown): "timeout" | "memory_limit" | undefined {
  const msg = e instanceof Error ? e.message : String(e);
  if (memoryExceeded || /memory limit/i.test(msg)) return "memory_limit";
  if (stopReason !== undefined || /timed out/i.test(msg)) return "timeout";
  if (isolate.isDisposed) return stopReason === undefined ? "memory_limit" : "timeout";
  return undefined;
}

const FRAME = /submission\.m?js:(\d+):(\d+)/;

function errorJson(e: unknown): RealmErrorJson {
  if (e instanceof Error) {
    const out: RealmErrorJson = { name: e.name.slice(0, 100), message: e.message.slice(0, 2000) };
    const m = FRAME.exec(e.stack ?? "");
    if (m) {
      out.line = Number(m[1]);
      out.column = Number(m[2]);
    }
    return out;
  }
  return { name: "Thrown", message: String(e).slice(0, 2000) };
}

async function runJob(job: JobMessage): Promise<void> {
  jobStart = performance.now();
  const deadline = jobStart + job.wallMs;
  const remaining = () => Math.max(1, Math.floor(deadline - performance.now()));
  // Watchdog: wall clock and CPU time; disposing the isolate aborts whatever runs inside it.
  const cpuAtStart = cpuMs();
  const watchdog = setInterval(() => {
    lastCpu = cpuMs() - cpuAtStart;
    if (performance.now() > deadline) stopReason = "timeout";
    else if (lastCpu > job.cpuMs) stopReason = "cpu";
    if (stopReason !== undefined && !isolate.isDisposed) isolate.dispose();
  }, 20);
  const timeout = () => remaining();
  let realm: RealmResult;
  try {
    const moduleSource = prepareFn.applySync(undefined, [job.bans, job.allow], {
      arguments: { copy: true },
      result: { copy: true },
      timeout: timeout(),
    }) as string;
    const tfModule = isolate.compileModuleSync(moduleSource, { filename: "tfjs.js" });
    tfModule.instantiateSync(context, () => {
      throw new Error("the tfjs module has no imports");
    });
    tfModule.evaluateSync({ timeout: timeout() });
    let loadError: unknown;
    let student: ivm.Module | undefined;
    try {
      student = isolate.compileModuleSync(job.code, { filename: "submission.js" });
      student.instantiateSync(context, (specifier: string) => {
        if (specifier === "@tensorflow/tfjs") return tfModule;
        throw new Error(`Importing "${specifier}" is not allowed: a submission may import only @tensorflow/tfjs.`);
      });
      await student.evaluate({ timeout: timeout() });
    } catch (e) {
      if (classify(e)) throw e;
      loadError = e;
    }
    if (loadError !== undefined || student === undefined) {
      realm = loadFailedFn.applySync(undefined, [], { result: { copy: true }, timeout: timeout() }) as RealmResult;
      realm = { ...realm, load: { ok: false, error: errorJson(loadError) } };
    } else {
      const calls = job.calls.map(callFromJson);
      realm = (await runFn.apply(undefined, [student.namespace.derefInto(), new ivm.ExternalCopy(calls).copyInto()], {
        result: { promise: true, copy: true },
        timeout: timeout(),
      })) as RealmResult;
    }
  } catch (e) {
    clearInterval(watchdog);
    const kind = classify(e);
    if (kind === "memory_limit") finishWith("memory_limit", undefined, `memory limit of ${memoryMb} MB exceeded`);
    if (kind === "timeout") {
      finishWith("timeout", undefined, stopReason === "cpu" ? `CPU time limit of ${job.cpuMs} ms exceeded` : `time limit of ${job.wallMs} ms exceeded`);
    }
    finishWith("crashed", undefined, `sandbox error: ${e instanceof Error ? e.message : String(e)}`);
  }
  clearInterval(watchdog);
  lastCpu = cpuMs() - cpuAtStart;
  finishWith("ok", realm);
}
