/**
 * restrictTf: the `tf` a submission receives, without the exercise's banned functions.
 * Realm code: no imports except types and sibling realm modules.
 */
import { R, put, weakGet, weakSet } from "./intrinsics.ts";

/** The tf namespace as the realm sees it (a module namespace or a plain object). */
export type TfNamespace = Record<string, unknown>;

/** Trusted handles into tfjs, captured before the submission runs. */
export interface TfHandle {
  tensor: (data: ArrayLike<number>, shape: number[], dtype: string) => unknown;
  dispose: (x: unknown) => void;
  tensorProto: object;
  tensorInfo: WeakMap<object, { dtype: string; shape: number[] }>;
  readSync: (dataId: object) => unknown;
  engine: object;
}

export class BannedFunctionError extends Error {
  constructor(path: string, chained?: string, kernel?: string) {
    super(
      `tf.${path} is not available in this exercise` +
        (chained === undefined ? "" : ` (called as the tensor method x.${chained}())`) +
        (kernel === undefined ? "" : ` (called through its kernel "${kernel}")`) +
        ": the point is to build it yourself.",
    );
    this.name = "BannedFunctionError";
  }
}

const handles = new R.WeakMap<object, TfHandle>();
/** Original Tensor.prototype methods replaced by restrictTf, per prototype. */
const patchedProtos = new R.WeakMap<object, Record<string, unknown>>();

export function captureTf(tf: TfNamespace): TfHandle {
  const known = weakGet(handles, tf);
  if (known !== undefined) return known;
  const engineFn = tf["engine"] as () => { state: { tensorInfo: WeakMap<object, { dtype: string; shape: number[] }> }; readSync: (id: object) => unknown };
  const Tensor = tf["Tensor"] as { prototype: object };
  const engine = engineFn();
  const readSync = engine.readSync;
  const handle: TfHandle = {
    tensor: tf["tensor"] as TfHandle["tensor"],
    dispose: tf["dispose"] as TfHandle["dispose"],
    tensorProto: Tensor.prototype,
    tensorInfo: engine.state.tensorInfo,
    readSync: (dataId) => R.apply(readSync, engine, [dataId]),
    engine,
  };
  weakSet(handles, tf, handle);
  return handle;
}

function thrower(path: string, chained?: string): (...args: unknown[]) => never {
  return function banned(): never {
    throw new BannedFunctionError(path, chained);
  };
}

/** Copy a namespace-like value (module namespace, plain object or class with statics) to a plain object. */
function copyNamespace(ns: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = R.ownKeys(ns);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== "string" || k === "prototype" || k === "length" || k === "name") continue;
    const d = R.getOwnPropertyDescriptor(ns, k);
    if (d === undefined) continue;
    put(out, k, R.hasOwn(d, "value") ? d.value : (ns as Record<string, unknown>)[k]);
  }
  return out;
}

interface BanTree {
  /** The path itself is banned. */
  leaf: boolean;
  /** Everything inside the path is banned ("losses.*"). */
  star: boolean;
  names: Record<string, BanTree>;
}

function parseBans(bans: readonly string[]): BanTree {
  const root: BanTree = { leaf: false, star: false, names: {} };
  for (let i = 0; i < bans.length; i++) {
    const parts = (bans[i] as string).split(".");
    let node = root;
    for (let j = 0; j < parts.length; j++) {
      const p = parts[j] as string;
      if (p === "*") {
        node.star = true;
        break;
      }
      node.names[p] ??= { leaf: false, star: false, names: {} };
      node = node.names[p];
      if (j === parts.length - 1) node.leaf = true;
    }
  }
  return root;
}

function isAllowed(path: string, allow: readonly string[]): boolean {
  for (let i = 0; i < allow.length; i++) if (allow[i] === path) return true;
  return false;
}

const EVERYTHING: BanTree = { leaf: true, star: true, names: {} };

function restrictObject(
  source: object,
  tree: BanTree,
  prefix: string,
  allow: readonly string[],
  finish?: (out: Record<string, unknown>) => void,
): Record<string, unknown> {
  const out = copyNamespace(source);
  const keys = R.ownKeys(out);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const path = prefix === "" ? k : `${prefix}.${k}`;
    if (isAllowed(path, allow)) continue;
    const value = out[k];
    const sub = tree.star ? EVERYTHING : tree.names[k];
    if (sub === undefined) continue;
    const isObject = typeof value === "object" && value !== null;
    if (isObject && (sub.leaf || sub.star || Object.keys(sub.names).length > 0)) {
      put(out, k, restrictObject(value, sub.leaf ? EVERYTHING : sub, path, allow));
    } else if (typeof value === "function") {
      if (sub.leaf) put(out, k, thrower(path));
      else put(out, k, restrictObject(value, sub, path, allow));
    }
  }
  if (finish !== undefined) finish(out);
  return R.freeze(out);
}

/** Undo the Tensor.prototype patches made by restrictTf (in-process authoring runs only). */
export function unrestrictTf(tf: TfNamespace): void {
  const engine = captureTf(tf).engine;
  if (R.hasOwn(engine, "runKernel")) delete (engine as Record<string, unknown>)["runKernel"];
  const proto = (tf["Tensor"] as { prototype: object }).prototype;
  const originals = weakGet(patchedProtos, proto);
  if (originals === undefined) return;
  const keys = R.ownKeys(originals);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    R.defineProperty(proto, k, { value: originals[k], writable: true, enumerable: false, configurable: true });
  }
  weakSet(patchedProtos, proto, {});
}

/** Kernels whose names differ from their op's beyond letter case. */
const FUSED = ["_FusedMatMul", "FusedConv2D", "FusedDepthwiseConv2D"];
const EXTRA_KERNELS: Record<string, string[]> = {
  depthwiseConv2d: ["DepthwiseConv2dNative", "FusedDepthwiseConv2D"],
  conv2dTranspose: ["Conv2DBackpropInput"],
  conv2d: ["FusedConv2D"],
  // Fused ops apply their activation inside their own kernel: tf.fused.matMul({ activation: "relu" }).
  relu: FUSED,
  sigmoid: FUSED,
  elu: FUSED,
  leakyRelu: FUSED,
  prelu: FUSED,
};

/**
 * Depth of student code on the stack (module calls and harness calls run by executeCalls). The
 * engine-level kernel guard only refuses while it is > 0, so trusted code sharing the engine
 * (references computed in the same process by runLocally) is never affected.
 */
let studentDepth = 0;

/** Runs `fn` as student code: banned kernels are refused however tfjs is reached. */
export async function asStudentCode<T>(fn: () => T | Promise<T>): Promise<T> {
  const leave = enterStudentCode();
  try {
    return await fn();
  } finally {
    leave();
  }
}

/**
 * Student code from now until the returned function is called (once; later calls do nothing):
 * for a run that spans several host → realm calls (callSequence), so that nothing the submission
 * left queued runs unrestricted between two of them.
 */
export function enterStudentCode(): () => void {
  studentDepth++;
  let left = false;
  return () => {
    if (left) return;
    left = true;
    studentDepth--;
  };
}

/** Lower-cased kernel names banned with top-level ops (tf.softmax → kernel "Softmax"). */
function bannedKernels(bans: readonly string[], allow: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < bans.length; i++) {
    const name = bans[i] as string;
    if (name.includes(".") || isAllowed(name, allow)) continue;
    put(out, name.toLowerCase(), name);
    const extra = EXTRA_KERNELS[name] ?? [];
    for (let j = 0; j < extra.length; j++) put(out, (extra[j] as string).toLowerCase(), name);
  }
  return out;
}

/** The op a kernel name belongs to, if banned. Runs after student code may have patched
 * String.prototype: only captured built-ins here. */
function kernelLookup(kernels: Record<string, string>): (kernelName: unknown) => string | undefined {
  return (kernelName) => {
    if (typeof kernelName !== "string") return undefined;
    const key = R.apply(R.stringToLowerCase, kernelName, []) as string;
    return R.hasOwn(kernels, key) ? kernels[key] : undefined;
  };
}

function kernelRefusal(kernels: Record<string, string>): (kernelName: unknown) => void {
  const lookup = kernelLookup(kernels);
  return (kernelName) => {
    const banned = lookup(kernelName);
    if (banned !== undefined) throw new BannedFunctionError(banned, undefined, R.String(kernelName));
  };
}

/**
 * Below every API: tfjs's own higher-level code (tf.layers, tf.losses, fused ops) reaches kernels
 * through the real engine's runKernel, so while student code runs it refuses banned ones.
 */
function guardEngine(engine: Record<string, unknown>, kernels: Record<string, string>): void {
  if (R.ownKeys(kernels).length === 0) return;
  const refuse = kernelRefusal(kernels);
  const realRunKernel = engine["runKernel"] as (...a: unknown[]) => unknown;
  R.defineProperty(engine, "runKernel", {
    value: function runKernelChecked(this: unknown, kernelName: unknown, ...rest: unknown[]): unknown {
      if (studentDepth > 0) refuse(kernelName);
      return R.apply(realRunKernel, this, [kernelName, ...rest]);
    },
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

/** Bans that mean "compute this gradient yourself": tfjs's gradient machinery is off limits too. */
const GRADIENT_BANS = ["grad", "grads", "valueAndGrad", "valueAndGrads", "customGrad", "variableGrads"];

/** Engine methods a student's code may reach through tf.engine(): bookkeeping, no compute. */
const ENGINE_METHODS = ["memory", "tidy", "keep", "startScope", "endScope", "disposeVariables", "time"];

/**
 * Close the back doors to banned ops below the namespace: `tf.engine().runKernel("Softmax", ...)`,
 * `tf.getKernel(...)`, `tf.getKernelsForBackend(...)` and, when gradients are banned, the engine's
 * gradient machinery and `tf.getGradient`. tf.engine() returns a frozen view that is not the engine
 * and does not inherit from it (Object.getPrototypeOf would hand back the real one); tfjs's own ops
 * keep using the real engine.
 */
function guardKernels(out: Record<string, unknown>, tf: TfNamespace, kernels: Record<string, string>, bans: readonly string[]): void {
  const lookup = kernelLookup(kernels);
  const refuse = kernelRefusal(kernels);
  let gradientBan: string | undefined;
  for (let i = 0; i < GRADIENT_BANS.length; i++) {
    if (bans.includes(GRADIENT_BANS[i] as string)) {
      gradientBan = GRADIENT_BANS[i];
      break;
    }
  }
  const realEngineFn = tf["engine"];
  if (typeof realEngineFn === "function") {
    const engine = (realEngineFn as () => Record<string, unknown>)();
    const view: Record<string, unknown> = R.create(null) as Record<string, unknown>;
    const runKernel = engine["runKernel"] as (...a: unknown[]) => unknown;
    put(view, "runKernel", function runKernelGuarded(kernelName: unknown, ...rest: unknown[]): unknown {
      refuse(kernelName);
      return R.apply(runKernel, engine, [kernelName, ...rest]);
    });
    const methods = gradientBan === undefined ? [...ENGINE_METHODS, "gradients", "customGrad"] : ENGINE_METHODS;
    for (let i = 0; i < methods.length; i++) {
      const name = methods[i] as string;
      const method = engine[name];
      if (typeof method === "function") put(view, name, (...args: unknown[]) => R.apply(method as (...a: unknown[]) => unknown, engine, args));
    }
    R.freeze(view);
    put(out, "engine", () => view);
  }
  // tf.env().global / tf.ENV.global is tfjs's global namespace, which holds the real engine.
  const realEnvFn = tf["env"];
  if (typeof realEnvFn === "function") {
    const env = (realEnvFn as () => Record<string, unknown>)();
    const envView: Record<string, unknown> = R.create(null) as Record<string, unknown>;
    const envMethods = ["get", "getBool", "getNumber", "getFlags", "set"];
    for (let i = 0; i < envMethods.length; i++) {
      const method = env[envMethods[i] as string];
      if (typeof method === "function") put(envView, envMethods[i] as string, (...args: unknown[]) => R.apply(method as (...a: unknown[]) => unknown, env, args));
    }
    R.freeze(envView);
    put(out, "env", () => envView);
    if ("ENV" in tf) put(out, "ENV", envView);
  }
  const getKernel = tf["getKernel"];
  if (typeof getKernel === "function") {
    put(out, "getKernel", (kernelName: unknown, backend: unknown) => {
      refuse(kernelName);
      return R.apply(getKernel, tf, [kernelName, backend]);
    });
  }
  const getKernelsForBackend = tf["getKernelsForBackend"];
  if (typeof getKernelsForBackend === "function") {
    put(out, "getKernelsForBackend", (backend: unknown) => {
      const all = R.apply(getKernelsForBackend, tf, [backend]) as { kernelName: string }[];
      const kept: unknown[] = [];
      for (let i = 0; i < all.length; i++) if (lookup(all[i]!.kernelName) === undefined) put(kept, kept.length, all[i]);
      return kept;
    });
  }
  const getGradient = tf["getGradient"];
  if (typeof getGradient === "function") {
    put(out, "getGradient", (kernelName: unknown) => {
      if (gradientBan !== undefined) throw new BannedFunctionError(gradientBan, undefined, `getGradient(${String(kernelName)})`);
      refuse(kernelName);
      return R.apply(getGradient, tf, [kernelName]);
    });
  }
}

export interface RestrictOptions {
  /** Dotted paths kept even though a ban covers them, e.g. "layers.Layer" under "layers.*". */
  allow?: readonly string[];
}

/**
 * Return a frozen copy of `tf` where every banned path throws a BannedFunctionError naming it.
 * Bans are dotted paths ("softmax", "linalg.bandPart", "losses.*" for a whole namespace). A top-level
 * ban also replaces the Tensor method of the same name (`x.softmax()`), on the shared prototype:
 * call unrestrictTf to restore it when the realm is not thrown away afterwards.
 */
export function restrictTf(tf: TfNamespace, bans: readonly string[], options: RestrictOptions = {}): TfNamespace {
  captureTf(tf);
  const allow = options.allow ?? [];
  const kernels = bannedKernels(bans, allow);
  const restricted = restrictObject(tf, parseBans(bans), "", allow, (out) => guardKernels(out, tf, kernels, bans));
  unrestrictTf(tf);
  guardEngine(captureTf(tf).engine as Record<string, unknown>, kernels);
  const proto = (tf["Tensor"] as { prototype: object }).prototype;
  const originals: Record<string, unknown> = {};
  for (let i = 0; i < bans.length; i++) {
    const name = bans[i] as string;
    if (name.includes(".") || isAllowed(name, allow)) continue;
    const d = R.getOwnPropertyDescriptor(proto, name);
    if (d === undefined || typeof d.value !== "function") continue;
    put(originals, name, d.value);
    R.defineProperty(proto, name, { value: thrower(name, name), writable: true, enumerable: false, configurable: true });
  }
  weakSet(patchedProtos, proto, originals);
  // executeCalls finds the trusted handles through the restricted namespace too.
  weakSet(handles, restricted, captureTf(tf));
  return restricted;
}
