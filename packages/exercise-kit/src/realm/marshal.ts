/**
 * Realm-side conversion between live values and Wire. Reads student values only through the
 * intrinsics captured at load time and the trusted tf handles (engine data, not Tensor methods),
 * so patched prototypes, fake tensor-like objects and getters cannot forge a result.
 */
import { R, append, put, readOwn, weakGet } from "./intrinsics.ts";
import type { TfHandle } from "./restrict.ts";
import type { Wire, WireLimits, WireTensor } from "./types.ts";

export class MarshalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

interface Budget {
  elements: number;
}

function describePath(path: string): string {
  return path === "" ? "Your return value" : `Your return value at ${path}`;
}

function hasTensorProto(value: object, proto: object): boolean {
  let p: object | null = R.getPrototypeOf(value) as object | null;
  for (let i = 0; i < 64 && p !== null; i++) {
    if (p === proto) return true;
    p = R.getPrototypeOf(p) as object | null;
  }
  return false;
}

function looksLikeTensor(value: object): boolean {
  const keys = ["dataSync", "dataId", "arraySync"];
  for (let i = 0; i < keys.length; i++) {
    if (R.getOwnPropertyDescriptor(value, keys[i] as string) !== undefined) return true;
  }
  return R.getOwnPropertyDescriptor(value, "shape") !== undefined && R.getOwnPropertyDescriptor(value, "dtype") !== undefined;
}

function tensorToWire(value: object, tf: TfHandle, path: string, limits: WireLimits, budget: Budget): WireTensor {
  const where = describePath(path);
  const fake = `${where} looks like a tensor but is not a real tfjs tensor (fake tensor-like objects are not accepted).`;
  const dataId = readOwn(value, "dataId", where).value;
  if (typeof dataId !== "object" || dataId === null) throw new MarshalError(fake);
  const info = weakGet(tf.tensorInfo, dataId);
  if (info === undefined) {
    throw new MarshalError(`${where} is a disposed tensor, or not a real tfjs tensor; return a live tensor.`);
  }
  const shapeValue = readOwn(value, "shape", where).value;
  if (!R.isArray(shapeValue)) throw new MarshalError(fake);
  const shapeArr = shapeValue as unknown[];
  if (shapeArr.length > limits.maxRank) throw new MarshalError(`${where} has rank ${shapeArr.length}; at most ${limits.maxRank} is accepted.`);
  const shape: number[] = [];
  let size = 1;
  for (let i = 0; i < shapeArr.length; i++) {
    const d = readOwn(shapeArr, i, where).value;
    if (typeof d !== "number" || !R.isInteger(d) || d < 0) throw new MarshalError(fake);
    append(shape, d);
    size *= d;
  }
  let infoSize = 1;
  for (let i = 0; i < info.shape.length; i++) infoSize *= info.shape[i] as number;
  if (infoSize !== size) throw new MarshalError(fake);
  // The tensor's own dtype, not the engine's: tf.cast to a wider type shares the data of the input.
  const dtype = readOwn(value, "dtype", where).value;
  if (typeof dtype !== "string") throw new MarshalError(fake);
  if (dtype !== "float32" && dtype !== "int32" && dtype !== "bool") {
    throw new MarshalError(`${where} is a ${dtype} tensor; only float32, int32 and bool tensors can be graded.`);
  }
  budget.elements += size;
  if (budget.elements > limits.maxElements) {
    throw new MarshalError(`${where} makes the output larger than ${limits.maxElements} elements in total.`);
  }
  const raw = tf.readSync(dataId) as ArrayLike<number>;
  const data =
    dtype === "float32" ? new R.Float32Array(size) : dtype === "int32" ? new R.Int32Array(size) : new R.Uint8Array(size);
  for (let i = 0; i < size; i++) data[i] = raw[i] as number;
  return { t: "tensor", dtype, shape, data };
}

function toWireAt(value: unknown, tf: TfHandle, path: string, depth: number, limits: WireLimits, budget: Budget): Wire {
  const where = describePath(path);
  switch (typeof value) {
    case "number":
      return { t: "number", v: value };
    case "boolean":
      return { t: "boolean", v: value };
    case "undefined":
      return { t: "undefined" };
    case "string":
      if (value.length > limits.maxStringLength) {
        throw new MarshalError(`${where} is a string longer than ${limits.maxStringLength} characters.`);
      }
      return { t: "string", v: value };
    case "function":
      throw new MarshalError(`${where} is a function; return tensors, numbers or plain objects/arrays of them.`);
    case "bigint":
    case "symbol":
      throw new MarshalError(`${where} is a ${typeof value}; return tensors, numbers or plain objects/arrays of them.`);
    default:
      break;
  }
  if (value === null) return { t: "null" };
  const obj = value as object;
  if (depth >= limits.maxDepth) throw new MarshalError(`${where} is nested more than ${limits.maxDepth} levels deep (a cycle?).`);
  if (hasTensorProto(obj, tf.tensorProto)) return tensorToWire(obj, tf, path, limits, budget);
  if (R.isArray(obj)) {
    const lengthValue = readOwn(obj, "length", where).value as number;
    budget.elements += lengthValue;
    if (budget.elements > limits.maxElements) {
      throw new MarshalError(`${where} is an array of ${lengthValue} items; the output may hold at most ${limits.maxElements} elements.`);
    }
    const items: Wire[] = [];
    for (let i = 0; i < lengthValue; i++) {
      append(items, toWireAt(readOwn(obj, i, `${where}[${i}]`).value, tf, `${path}[${i}]`, depth + 1, limits, budget));
    }
    return { t: "array", items };
  }
  if (looksLikeTensor(obj)) {
    throw new MarshalError(`${where} looks like a tensor but is not a real tfjs tensor (fake tensor-like objects are not accepted).`);
  }
  const proto = R.getPrototypeOf(obj) as object | null;
  if (proto !== R.ObjectProto && proto !== null) {
    throw new MarshalError(`${where} is an instance of a class; return a tensor, a number, or a plain object/array.`);
  }
  const keys = R.ownKeys(obj);
  budget.elements += keys.length;
  if (budget.elements > limits.maxElements) throw new MarshalError(`${where} has too many keys.`);
  const entries: Record<string, Wire> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== "string") throw new MarshalError(`${where} has a symbol key; use string keys.`);
    if (k.length > limits.maxStringLength) throw new MarshalError(`${where} has a key longer than ${limits.maxStringLength} characters.`);
    const childPath = path === "" ? k : `${path}.${k}`;
    put(entries, k, toWireAt(readOwn(obj, k, describePath(childPath)).value, tf, childPath, depth + 1, limits, budget));
  }
  return { t: "object", entries };
}

/**
 * Marshal a value returned by student (or harness) code. Throws MarshalError with a message for
 * the student when the value cannot be graded (getter, fake tensor, function, too large, ...).
 */
export function toWireInRealm(value: unknown, tf: TfHandle, limits: WireLimits): Wire {
  const wire = toWireAt(value, tf, "", 0, limits, { elements: 0 });
  // A Proxy reads like plain data but is not; structured cloning rejects it (where the host has it).
  if (R.structuredClone !== undefined && typeof value === "object" && value !== null) {
    try {
      R.apply(R.structuredClone, undefined, [value]);
    } catch {
      throw new MarshalError("Your return value contains a Proxy or another exotic object; return tensors, numbers or plain objects/arrays of them.");
    }
  }
  return wire;
}

/** Turn a Wire argument into a live value for the submission; records created tensors in `created`. */
export function fromWireInRealm(wire: Wire, tf: TfHandle, created: unknown[]): unknown {
  switch (wire.t) {
    case "tensor": {
      const n = wire.data.length;
      const copy =
        wire.dtype === "float32" ? new R.Float32Array(n) : wire.dtype === "int32" ? new R.Int32Array(n) : new R.Uint8Array(n);
      for (let i = 0; i < n; i++) copy[i] = wire.data[i] as number;
      const shape: number[] = [];
      for (let i = 0; i < wire.shape.length; i++) append(shape, wire.shape[i] as number);
      const t = tf.tensor(copy, shape, wire.dtype);
      append(created, t);
      return t;
    }
    case "number":
    case "string":
    case "boolean":
      return wire.v;
    case "null":
      return null;
    case "undefined":
      return undefined;
    case "array": {
      const out: unknown[] = [];
      for (let i = 0; i < wire.items.length; i++) append(out, fromWireInRealm(wire.items[i] as Wire, tf, created));
      return out;
    }
    case "object": {
      const out: Record<string, unknown> = {};
      const keys = R.ownKeys(wire.entries);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string;
        put(out, k, fromWireInRealm(wire.entries[k] as Wire, tf, created));
      }
      return out;
    }
  }
}
