/**
 * The code evaluated inside every sandbox isolate BEFORE any student code: a tiny platform shim,
 * tfjs (the union package students import: core, cpu backend, layers, converter, data; used on
 * the cpu backend only), exercise-kit's realm code and a console that buffers (capped)
 * output. Bundled once by esbuild into one script (see ../bundle.ts); no Node APIs exist here.
 *
 * The API object is left on a global for the host to take a Reference to and delete before the
 * submission is linked, so student code never sees the unrestricted tf or this API.
 */
import * as tf from "@course/sandbox-tf";
import { mulberry32 } from "./mulberry32.ts";
import { callSequence, loadFailure, restrictTf, tfModuleSource } from "@course/realm";
import type { CallSequence, RealmCallResult, SandboxCall, RealmResult, TfNamespace } from "@course/realm";

const g = globalThis as unknown as Record<string, unknown>;
const defineProperty = Object.defineProperty;
const StringCtor = String;
const freeze = Object.freeze;
const arraySlice = Array.prototype.slice;
const apply = Reflect.apply;

// ---- console: capped buffer; nothing leaves the isolate except through the host's copy -----------
const MAX_LOG_LINES = 200;
const MAX_LOG_CHARS = 64 * 1024;
const logs: string[] = [];
let logChars = 0;
let logDropped = 0;

function safeString(v: unknown): string {
  try {
    if (typeof v === "string") return v;
    if (typeof v === "object" && v !== null) return "[object]";
    return StringCtor(v);
  } catch {
    return "[unprintable]";
  }
}

function pushLog(level: string, args: unknown[]): void {
  if (logs.length >= MAX_LOG_LINES || logChars >= MAX_LOG_CHARS) {
    logDropped++;
    return;
  }
  let line = level === "log" ? "" : `[${level}] `;
  for (let i = 0; i < args.length && line.length < 2000; i++) line += (i > 0 ? " " : "") + safeString(args[i]);
  if (line.length > 2000) line = apply(String.prototype.slice, line, [0, 2000]) as string;
  logChars += line.length;
  defineProperty(logs, logs.length, { value: line, writable: true, enumerable: true, configurable: true });
}

const consoleObj = {
  log: (...a: unknown[]) => pushLog("log", a),
  info: (...a: unknown[]) => pushLog("info", a),
  warn: (...a: unknown[]) => pushLog("warn", a),
  error: (...a: unknown[]) => pushLog("error", a),
  debug: (...a: unknown[]) => pushLog("debug", a),
};
defineProperty(g, "console", { value: consoleObj, writable: true, configurable: true });

// ---- platform shim for tfjs-core ------------------------------------------------------------------
function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

function utf8Decode(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    let c = b;
    if (b >= 0xf0) c = ((b & 7) << 18) | (((bytes[++i] ?? 0) & 63) << 12) | (((bytes[++i] ?? 0) & 63) << 6) | ((bytes[++i] ?? 0) & 63);
    else if (b >= 0xe0) c = ((b & 15) << 12) | (((bytes[++i] ?? 0) & 63) << 6) | ((bytes[++i] ?? 0) & 63);
    else if (b >= 0xc0) c = ((b & 31) << 6) | ((bytes[++i] ?? 0) & 63);
    s += String.fromCodePoint(c);
  }
  return s;
}

const start = Date.now();
tf.setPlatform("course-sandbox", {
  fetch: () => Promise.reject(new Error("fetch is not available in the grading sandbox")),
  now: () => Date.now() - start,
  encode: (text: string) => utf8Encode(text),
  decode: (bytes: Uint8Array) => utf8Decode(bytes),
  isTypedArray: (a: unknown): a is Float32Array | Int32Array | Uint8Array | Uint8ClampedArray =>
    a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray,
  setTimeoutCustom: (fn: () => void) => {
    void Promise.resolve().then(fn);
  },
} as unknown as Parameters<typeof tf.setPlatform>[1]);
tf.env().set("IS_TEST", false);
tf.env().set("PROD", true);
tf.setBackend("cpu");

// ---- Math.random: the same sequence in every isolate ------------------------------------------------
// A fresh isolate serves each submission, so a submission (and tfjs's unseeded initialisers, which
// draw their seeds from Math.random) computes the same outputs on every run: a grade is
// reproducible, and a known mistake that involves randomness can be recognised by its outputs.

// ---- the API the host drives ------------------------------------------------------------------------
const TF_GLOBAL = "__courseTf";
let restricted: TfNamespace | undefined;
let sequence: CallSequence | undefined;

const api = freeze({
  /** Restrict tf for this exercise; returns the source of the module linked as "@tensorflow/tfjs". */
  prepare(bans: string[], allow: string[]): string {
    defineProperty(Math, "random", { value: mulberry32(0x9e3779b9), writable: true, configurable: true });
    restricted = restrictTf(tf as unknown as TfNamespace, bans, { allow });
    defineProperty(g, TF_GLOBAL, { value: restricted, writable: false, configurable: true });
    return tfModuleSource(restricted, TF_GLOBAL);
  },
  /**
   * Ready the planned calls against the loaded module namespace. The host then asks for them one
   * at a time (`next`), so IT knows which call is running and which results are complete, should
   * it have to stop this isolate; nothing here tells it.
   */
  start(mod: unknown, calls: SandboxCall[]): void {
    if (restricted === undefined) throw new Error("prepare() was not called");
    if (sequence !== undefined) throw new Error("start() was already called");
    sequence = callSequence(mod, restricted, calls);
  },
  /** Run the next planned call; its result (undefined when none is left). */
  next(): Promise<RealmCallResult | undefined> {
    if (sequence === undefined) throw new Error("start() was not called");
    return sequence.next();
  },
  /** After the last call: the console output. */
  finish(): string[] {
    sequence?.end();
    // An author isolate (course code) serves the next job of its bundle with a new sequence.
    sequence = undefined;
    return drainLogs();
  },
  /** The RealmResult for a module that threw while loading. */
  loadFailed(error: unknown): RealmResult {
    return loadFailure(error, drainLogs());
  },
  /**
   * Pre-warm (before any student code): run the kernels exercises commonly use once so their
   * code is compiled when the submission arrives. Leaves no tensors behind.
   */
  warm(): number {
    const a = tf.tensor2d([1, -2, 3, 4, 5, -6], [2, 3]);
    const b = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const out = tf.tidy(() => {
      const m = tf.matMul(a, b);
      const s = tf.sub(m, tf.max(m, 1, true));
      const e = tf.exp(s);
      const sm = tf.div(e, tf.sum(e, 1, true));
      const misc = [
        tf.add(a, tf.tensor1d([1, 2, 3])),
        tf.mul(a, 2),
        tf.neg(tf.sqrt(tf.abs(a))),
        tf.log(tf.add(tf.abs(a), 1)),
        tf.mean(a, 0),
        tf.transpose(a),
        tf.reshape(a, [3, 2]),
        tf.concat([a, a], 0),
        tf.slice(a, [0, 0], [1, 2]),
        tf.where(tf.greater(a, 0), a, tf.zerosLike(a)),
        tf.maximum(a, 0),
        tf.expandDims(a, 0),
        tf.matMul(tf.expandDims(a, 0), tf.expandDims(b, 0)),
        tf.sum(tf.square(a)),
        tf.oneHot(tf.tensor1d([0, 1], "int32"), 3),
        tf.cast(tf.equal(a, a), "float32"),
        tf.tile(a, [1, 2]),
        tf.gather(a, tf.tensor1d([1, 0], "int32")),
      ];
      let acc = 0;
      for (const t of misc) acc += t.dataSync().length;
      return acc + sm.dataSync().length;
    });
    a.dispose();
    b.dispose();
    return out;
  },
  backend(): string {
    return tf.getBackend();
  },
});

/** The console output so far, emptied (a reused author isolate starts each job with none). */
function drainLogs(): string[] {
  const out = apply(arraySlice, logs, []) as string[];
  if (logDropped > 0) out[out.length] = `… ${logDropped} more console lines were dropped (output limit)`;
  logs.length = 0;
  logChars = 0;
  logDropped = 0;
  return out;
}

defineProperty(g, "__courseRealm", { value: api, writable: false, configurable: true });
