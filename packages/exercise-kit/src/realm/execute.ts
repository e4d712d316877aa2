/**
 * executeCalls: run the planned calls against a loaded submission inside the realm and marshal
 * every result to Wire. No Node APIs; only captured intrinsics once student code may have run.
 */
import { describeError } from "./errors.ts";
import { R, append, readOwn } from "./intrinsics.ts";
import { MarshalError, fromWireInRealm, toWireInRealm } from "./marshal.ts";
import { captureTf, enterStudentCode, type TfNamespace } from "./restrict.ts";
import { DEFAULT_WIRE_LIMITS, type RealmCallResult, type RealmError, type RealmResult, type SandboxCall, type WireLimits } from "./types.ts";

export interface ExecuteOptions {
  limits?: WireLimits;
}

type AnyFn = (...args: unknown[]) => unknown;

function exportedFunction(mod: unknown, name: string): AnyFn {
  if ((typeof mod !== "object" && typeof mod !== "function") || mod === null) {
    throw new R.TypeError("The submission did not load as a module.");
  }
  const { found, value } = readOwn(mod, name, `The export ${name}`);
  if (!found) throw new R.TypeError(`Your module does not export ${name}.`);
  if (typeof value !== "function") throw new R.TypeError(`Your export ${name} is not a function (got ${typeof value}).`);
  return value as AnyFn;
}

function harnessFunction(source: string): AnyFn {
  const make = new R.Function(`"use strict"; return (${source});`) as () => unknown;
  const fn = make();
  if (typeof fn !== "function") throw new R.TypeError("Test harness source is not a function.");
  return fn as AnyFn;
}

function disposeAll(tf: { dispose: (x: unknown) => void }, tensors: unknown[]): void {
  for (let i = 0; i < tensors.length; i++) {
    try {
      tf.dispose(tensors[i]);
    } catch {
      // Already disposed by the submission: nothing to free.
    }
  }
}

/** Run one call; never throws. */
async function runCall(mod: unknown, tf: TfNamespace, call: SandboxCall, limits: WireLimits): Promise<RealmCallResult> {
  const handle = captureTf(tf);
  const created: unknown[] = [];
  try {
    const fn = call.kind === "export" ? exportedFunction(mod, call.export) : harnessFunction(call.source);
    const args: unknown[] = call.kind === "export" ? [] : [mod, tf];
    for (let i = 0; i < call.args.length; i++) append(args, fromWireInRealm(call.args[i]!, handle, created));
    const value: unknown = await R.apply(fn, undefined, args);
    return { id: call.id, ok: true, value: toWireInRealm(value, handle, limits) };
  } catch (e) {
    const error: RealmError = e instanceof MarshalError ? { name: "OutputError", message: e.message } : describeError(e);
    return { id: call.id, ok: false, error };
  } finally {
    disposeAll(handle, created);
  }
}

/**
 * The planned calls, run one at a time by whoever holds this object: a host outside the realm
 * (the grader's sandbox) asks for each call separately, so it knows which call was running and
 * which results were complete if it has to stop the realm (time or memory limit), without taking
 * the realm's or the submission's word for it. Each result is the one runCall produced for exactly
 * that call. Everything from the sequence's creation to `end()` runs as student code, so nothing
 * the submission left queued runs unrestricted between two calls.
 */
export interface CallSequence {
  /** Run the next planned call and give its result; undefined once every call has run. */
  next(): Promise<RealmCallResult | undefined>;
  /** The number of calls started so far. */
  started(): number;
  /** Leave student mode (no call may be running). */
  end(): void;
}

export function callSequence(mod: unknown, tf: TfNamespace, calls: readonly SandboxCall[], options: ExecuteOptions = {}): CallSequence {
  const limits = options.limits ?? DEFAULT_WIRE_LIMITS;
  // Our own copy of the list: what the caller does with its array later changes nothing here.
  const list: SandboxCall[] = [];
  for (let i = 0; i < calls.length; i++) append(list, calls[i]!);
  let index = 0;
  let running = false;
  const leave = enterStudentCode();
  return R.freeze({
    async next(): Promise<RealmCallResult | undefined> {
      if (running) throw new R.Error("callSequence: the previous call is still running");
      if (index >= list.length) return undefined;
      const call = list[index++]!;
      running = true;
      try {
        return await runCall(mod, tf, call, limits);
      } finally {
        running = false;
      }
    },
    started: () => index,
    end: leave,
  });
}

/**
 * Run `calls` in order against the loaded module `mod` with the (restricted) `tf`.
 * `tf` must be the object from restrictTf, or the tf namespace captured before the submission
 * loaded; the host fills `logs` if it captures console output.
 */
export async function executeCalls(mod: unknown, tf: TfNamespace, calls: readonly SandboxCall[], options: ExecuteOptions = {}): Promise<RealmResult> {
  const results: RealmCallResult[] = [];
  // Student code for the whole run, marshalling included: a continuation the submission left
  // queued cannot slip a banned kernel in between a call's return and the copy of its result.
  const sequence = callSequence(mod, tf, calls, options);
  try {
    for (let r = await sequence.next(); r !== undefined; r = await sequence.next()) append(results, r);
  } finally {
    sequence.end();
  }
  return { load: { ok: true }, results, logs: [] };
}

/** The RealmResult for a submission whose module failed to load (threw at top level). */
export function loadFailure(error: unknown, logs: string[] = []): RealmResult {
  return { load: { ok: false, error: describeError(error) }, results: [], logs };
}
