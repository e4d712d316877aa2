/**
 * Sandbox host: a process (normally inside bubblewrap: unprivileged, no network, no files but
 * node, isolated-vm and the realm bundle) that keeps ONE pre-warmed isolate (tfjs loaded, no
 * student code), reports "ready", runs one submission in it, throws the isolate away, and warms
 * a fresh one for the next submission. It exits after `maxJobs` submissions, or right after any
 * submission that did not end cleanly (timeout, memory limit, crash), so a host never outlives
 * trouble. stdout carries protocol lines only; isolates have no way to write to it (their
 * console is a capped in-isolate buffer).
 *
 * Author hosts (course code: an exercise's tests, references and checks) differ in one way: a job
 * that names a `reuse` key (the course bundle's hash) keeps its isolate, with the course module
 * loaded, for the next jobs with the same key (a few keys per host, least recently used goes).
 * Student jobs never carry one: every submission gets a fresh isolate.
 *
 * argv: node --no-node-snapshot host.cjs <realm.js> <realm.cache|-> <memoryMb> [maxJobs]
 */
import { readFileSync } from "node:fs";
import ivm from "isolated-vm";
import type {
  HostMessage,
  JobMessage,
  RealmErrorJson,
  ResultMessage,
  StopPoint,
} from "../protocol.ts";
import { callFromJson, MAX_KEPT_MODULES, MODULE_NOT_KEPT, realmResultToJson } from "../protocol.ts";
import type { RealmCallResult, RealmResult } from "../realm-types.ts";

const [realmPath, cachePath, memoryArg, maxJobsArg] = process.argv.slice(2);
const memoryMb = Number(memoryArg ?? "256");
const maxJobs = Math.max(1, Number(maxJobsArg ?? "1") || 1);

function send(msg: HostMessage, then?: () => void): void {
  const u = process.cpuUsage();
  msg.procCpuMs = (u.user + u.system) / 1000;
  process.stdout.write(JSON.stringify(msg) + "\n", then);
}

function exitSoon(): void {
  // Let stdout flush, then go.
  process.stdout.write("", () => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}

const realmSource = readFileSync(realmPath!, "utf8");
let cachedData: ivm.ExternalCopy<ArrayBuffer> | undefined;
if (cachePath && cachePath !== "-") {
  try {
    const buf = readFileSync(cachePath);
    cachedData = new ivm.ExternalCopy(
      buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
    );
  } catch {
    cachedData = undefined;
  }
}

interface Sandbox {
  isolate: ivm.Isolate;
  context: ivm.Context;
  prepareFn: ivm.Reference<unknown>;
  startFn: ivm.Reference<unknown>;
  nextFn: ivm.Reference<unknown>;
  finishFn: ivm.Reference<unknown>;
  loadFailedFn: ivm.Reference<unknown>;
  /** Bans this isolate's tf was already restricted with (speculatively, before any student code). */
  prepared?: { key: string; tfModule: ivm.Module };
}

/** A fresh isolate with the realm bundle evaluated and tfjs's kernels warmed. No student code. */
function createSandbox(ready: HostMessage & { type: "ready" }): Sandbox {
  const isolate = new ivm.Isolate({
    memoryLimit: memoryMb,
    onCatastrophicError: (message: string) => {
      process.stderr.write(`isolate catastrophic error: ${message}\n`);
      process.exit(70);
    },
  });
  const context = isolate.createContextSync();
  const script: ivm.Script & {
    cachedData?: ivm.ExternalCopy<ArrayBuffer>;
    cachedDataRejected?: boolean;
  } = isolate.compileScriptSync(realmSource, {
    filename: "realm.js",
    ...(cachedData ? { cachedData } : { produceCachedData: true }),
  });
  if (!cachedData && script.cachedData) {
    ready.cache = Buffer.from(script.cachedData.copy()).toString("base64");
    cachedData = script.cachedData;
  }
  if (script.cachedDataRejected) ready.cacheRejected = true;
  script.runSync(context, { timeout: 30_000 });
  const api = context.global.getSync("__courseRealm", { reference: true }) as ivm.Reference<
    Record<string, unknown>
  >;
  context.global.deleteSync("__courseRealm");
  const fn = (name: string) => api.getSync(name, { reference: true }) as ivm.Reference<unknown>;
  fn("warm").applySync(undefined, [], { timeout: 30_000 });
  return {
    isolate,
    context,
    prepareFn: fn("prepare"),
    startFn: fn("start"),
    nextFn: fn("next"),
    finishFn: fn("finish"),
    loadFailedFn: fn("loadFailed"),
  };
}

function bansKey(bans: string[], allow: string[]): string {
  return JSON.stringify([bans, allow]);
}

/** Restrict tf for `bans` and link the "@tensorflow/tfjs" module (before student code). */
function prepare(sb: Sandbox, bans: string[], allow: string[], timeout: number): ivm.Module {
  const key = bansKey(bans, allow);
  if (sb.prepared?.key === key) return sb.prepared.tfModule;
  // A speculative preparation for other bans is simply redone: restrictTf undoes its own
  // Tensor.prototype patches, and no student code has run in this isolate yet.
  const moduleSource = sb.prepareFn.applySync(undefined, [bans, allow], {
    arguments: { copy: true },
    result: { copy: true },
    timeout,
  }) as string;
  const tfModule = sb.isolate.compileModuleSync(moduleSource, { filename: "tfjs.js" });
  tfModule.instantiateSync(sb.context, () => {
    throw new Error("the tfjs module has no imports");
  });
  tfModule.evaluateSync({ timeout });
  sb.prepared = { key, tfModule };
  return tfModule;
}

let current: Sandbox | undefined;
let jobsDone = 0;

/** Author isolates kept with their course module loaded, by reuse key (oldest first). */
interface KeptSandbox {
  sandbox: Sandbox;
  module: ivm.Module;
}
const kept = new Map<string, KeptSandbox>();
/** Set by runJob when the job's isolate holds a loaded module worth keeping. */
let loadedModule: ivm.Module | undefined;

function keep(key: string, entry: KeptSandbox): void {
  kept.delete(key);
  kept.set(key, entry);
  while (kept.size > MAX_KEPT_MODULES) {
    const [oldest, e] = kept.entries().next().value as [string, KeptSandbox];
    kept.delete(oldest);
    if (!e.sandbox.isolate.isDisposed) e.sandbox.isolate.dispose();
  }
}

function warmNext(lastBans?: { bans: string[]; allow: string[] }): void {
  const t0 = performance.now();
  const ready: HostMessage & { type: "ready" } = { type: "ready", warmMs: 0 };
  current = createSandbox(ready);
  // Most consecutive submissions are for the same exercise: restrict tf for the last bans now.
  if (lastBans) {
    try {
      prepare(current, lastBans.bans, lastBans.allow, 30_000);
    } catch {
      current = createSandbox(ready);
    }
  }
  ready.warmMs = performance.now() - t0;
  send(ready);
}

// ---- jobs from stdin, one at a time -------------------------------------------------------------------
let input = "";
let busy = false;
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  input += chunk;
  pump();
});
let stdinClosed = false;
process.stdin.on("end", () => {
  // The trusted side closed our stdin (shutting down, or it died): finish nothing new, leave.
  stdinClosed = true;
  if (!busy) process.exit(0);
});
// Nobody reads our output any more: leave.
process.stdout.on("error", () => process.exit(0));

function pump(): void {
  if (busy) return;
  const nl = input.indexOf("\n");
  if (nl < 0) return;
  const line = input.slice(0, nl);
  input = input.slice(nl + 1);
  busy = true;
  const job = JSON.parse(line) as JobMessage;
  const reuse = job.reuse;
  const reused = reuse === undefined ? undefined : kept.get(reuse);
  loadedModule = undefined;
  if (job.codeOmitted === true && reused === undefined) {
    // The trusted side thought we kept this module: ask for the code instead of loading nothing.
    send({
      type: "result",
      outcome: "ok",
      realm: {
        load: {
          ok: false,
          error: { name: MODULE_NOT_KEPT, message: "this host does not keep that module" },
        },
        results: [],
        logs: [],
      },
      cpuMs: 0,
      wallMs: 0,
    });
    send({ type: "ready", warmMs: 0 });
    busy = false;
    pump();
    return;
  }
  void runJob(job, reused).then((msg) => {
    jobsDone++;
    const retire = msg.outcome !== "ok" || jobsDone >= maxJobs;
    send({ ...msg, ...(retire ? { retiring: true } : {}) });
    if (retire || stdinClosed) return exitSoon();
    if (reuse !== undefined) {
      // Course code: keep the isolate with its module for the next job of this bundle; the next
      // new bundle gets a fresh isolate when it arrives (author hosts warm nothing ahead).
      if (reused !== undefined) keep(reuse, reused);
      else if (current !== undefined && loadedModule !== undefined)
        keep(reuse, { sandbox: current, module: loadedModule });
      else if (current && !current.isolate.isDisposed) current.isolate.dispose();
      current = undefined;
      send({ type: "ready", warmMs: 0 });
    } else {
      if (current && !current.isolate.isDisposed) current.isolate.dispose();
      current = undefined;
      warmNext({ bans: job.bans, allow: job.allow });
    }
    busy = false;
    pump();
  });
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

async function runJob(job: JobMessage, reused: KeptSandbox | undefined): Promise<ResultMessage> {
  if (reused === undefined && current === undefined)
    current = createSandbox({ type: "ready", warmMs: 0 });
  const sb = reused?.sandbox ?? current!;
  const { isolate, context } = sb;
  const jobStart = performance.now();
  const phases: Record<string, number> = {};
  const deadline = jobStart + job.wallMs;
  const timeout = () => Math.max(1, Math.floor(deadline - performance.now()));
  const cpuNow = () => {
    try {
      return Number(isolate.cpuTime) / 1e6;
    } catch {
      return 0;
    }
  };
  const cpuAtStart = cpuNow();
  let cpu = 0;
  let stopReason: "timeout" | "cpu" | undefined;
  // Watchdog: wall clock and CPU time; disposing the isolate aborts whatever runs inside it.
  const watchdog = setInterval(() => {
    cpu = cpuNow() - cpuAtStart;
    if (performance.now() > deadline) stopReason = "timeout";
    else if (cpu > job.cpuMs) stopReason = "cpu";
    if (stopReason !== undefined && !isolate.isDisposed) isolate.dispose();
  }, 20);
  // Where the submission is, kept HERE (outside the isolate) as this loop drives it: what the
  // grader is told when the isolate has to be stopped. Nothing the isolate says changes it.
  let stop: StopPoint | undefined;
  const completed: RealmCallResult[] = [];
  const result = (
    outcome: ResultMessage["outcome"],
    realm?: RealmResult,
    detail?: string,
    stoppedAt?: StopPoint,
  ): ResultMessage => {
    clearInterval(watchdog);
    if (!isolate.isDisposed) cpu = cpuNow() - cpuAtStart;
    return {
      type: "result",
      outcome,
      ...(detail === undefined ? {} : { detail }),
      ...(realm === undefined ? {} : { realm: realmResultToJson(realm) }),
      ...(stoppedAt === undefined ? {} : { stoppedAt }),
      cpuMs: cpu,
      wallMs: performance.now() - jobStart,
      phases,
    };
  };
  const classify = (e: unknown): "timeout" | "memory_limit" | undefined => {
    const msg = e instanceof Error ? e.message : String(e);
    if (/memory limit/i.test(msg)) return "memory_limit";
    if (stopReason !== undefined || /timed out/i.test(msg)) return "timeout";
    if (isolate.isDisposed) return "memory_limit";
    return undefined;
  };
  let tfModule: ReturnType<typeof prepare>;
  try {
    tfModule = prepare(sb, job.bans, job.allow, timeout());
  } catch (e) {
    // Nothing of the submission has run yet: the grader's fault, not the student's.
    return result(
      "setup_failed",
      undefined,
      `sandbox setup failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    phases.prepare = performance.now() - jobStart;
    let loadError: unknown;
    let student: ivm.Module | undefined;
    if (reused !== undefined) student = reused.module;
    else
      try {
        stop = { phase: "load" };
        student = isolate.compileModuleSync(job.code, { filename: "submission.js" });
        student.instantiateSync(context, (specifier: string) => {
          if (specifier === "@tensorflow/tfjs") return tfModule;
          throw new Error(
            `Importing "${specifier}" is not allowed: a submission may import only @tensorflow/tfjs.`,
          );
        });
        phases.link = performance.now() - jobStart;
        await student.evaluate({ timeout: timeout() });
        phases.load = performance.now() - jobStart;
        loadedModule = student;
      } catch (e) {
        if (classify(e)) throw e;
        loadError = e;
      }
    let realm: RealmResult;
    if (loadError !== undefined || student === undefined) {
      realm = sb.loadFailedFn.applySync(undefined, [], {
        result: { copy: true },
        timeout: timeout(),
      }) as RealmResult;
      realm = { ...realm, load: { ok: false, error: errorJson(loadError) } };
    } else {
      const calls = job.calls.map(callFromJson);
      stop = calls.length > 0 ? { phase: "call", callId: calls[0]!.id } : { phase: "end" };
      sb.startFn.applySync(
        undefined,
        [student.namespace.derefInto(), new ivm.ExternalCopy(calls).copyInto()],
        { timeout: timeout() },
      );
      // One call per round trip: each result is the realm's answer to exactly the call asked for.
      for (const call of calls) {
        stop = { phase: "call", callId: call.id };
        const r = (await sb.nextFn.apply(undefined, [], {
          result: { promise: true, copy: true },
          timeout: timeout(),
        })) as RealmCallResult | undefined;
        if (typeof r !== "object" || r === null || r.id !== call.id)
          throw new Error(`the realm did not answer call ${call.id}`);
        completed.push(r);
      }
      stop = { phase: "end" };
      const logs = sb.finishFn.applySync(undefined, [], {
        result: { copy: true },
        timeout: timeout(),
      }) as string[];
      realm = { load: { ok: true }, results: completed, logs };
    }
    phases.run = performance.now() - jobStart;
    return result("ok", realm);
  } catch (e) {
    const kind = classify(e);
    if (kind !== undefined) {
      // What had completed when the isolate was stopped (never results for the call that was running).
      const partial: RealmResult | undefined =
        stop === undefined || stop.phase === "load"
          ? undefined
          : { load: { ok: true }, results: completed, logs: [] };
      const detail =
        kind === "memory_limit"
          ? `memory limit of ${memoryMb} MB exceeded`
          : stopReason === "cpu"
            ? `CPU time limit of ${job.cpuMs} ms exceeded`
            : `time limit of ${job.wallMs} ms exceeded`;
      return result(kind, partial, detail, stop);
    }
    return result(
      "crashed",
      undefined,
      `sandbox error: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

warmNext();
