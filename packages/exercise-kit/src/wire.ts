/**
 * Wire on the trusted side: zod-validated parsing with limits, conversion from host values
 * (tfjs tensors, numbers, plain data) and a JSON form for HTTP (NaN/±Infinity spelled out).
 */
import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { DEFAULT_WIRE_LIMITS, type Wire, type WireLimits, type WireTensor } from "./realm/types.ts";

export type { Wire, WireTensor, WireLimits, WireDtype } from "./realm/types.ts";
export { DEFAULT_WIRE_LIMITS } from "./realm/types.ts";

export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WireError";
  }
}

const ShapeSchema = z.array(z.number().int().nonnegative());
const TensorNode = z.object({
  t: z.literal("tensor"),
  dtype: z.enum(["float32", "int32", "bool"]),
  shape: ShapeSchema,
  data: z.union([z.instanceof(Float32Array), z.instanceof(Int32Array), z.instanceof(Uint8Array)]),
});
const Leaf = z.discriminatedUnion("t", [
  z.object({ t: z.literal("number"), v: z.custom<number>((v) => typeof v === "number", "not a number") }),
  z.object({ t: z.literal("string"), v: z.string() }),
  z.object({ t: z.literal("boolean"), v: z.boolean() }),
  z.object({ t: z.literal("null") }),
  z.object({ t: z.literal("undefined") }),
]);
const ArrayNode = z.object({ t: z.literal("array"), items: z.array(z.unknown()) });
const ObjectNode = z.object({ t: z.literal("object"), entries: z.record(z.string(), z.unknown()) });

const DATA_CLASS = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

/** Own data properties only: a getter anywhere in the value is a failure, never evaluated. */
function assertPlain(value: unknown, where: string): void {
  if (typeof value !== "object" || value === null) return;
  if (ArrayBuffer.isView(value)) return;
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d !== undefined && !("value" in d)) throw new WireError(`${where}: property ${String(key)} is a getter/setter`);
  }
}

function parseAt(input: unknown, limits: WireLimits, depth: number, budget: { n: number }, where: string): Wire {
  if (depth > limits.maxDepth) throw new WireError(`${where}: nested deeper than ${limits.maxDepth} levels`);
  assertPlain(input, where);
  const kind = (input as { t?: unknown } | null)?.t;
  if (kind === "tensor") {
    const r = TensorNode.safeParse(input);
    if (!r.success) throw new WireError(`${where}: malformed tensor (${r.error.issues[0]?.message ?? "invalid"})`);
    const { dtype, shape, data } = r.data;
    if (shape.length > limits.maxRank) throw new WireError(`${where}: rank ${shape.length} exceeds ${limits.maxRank}`);
    if (!(data instanceof DATA_CLASS[dtype])) throw new WireError(`${where}: ${dtype} tensor data has the wrong array type`);
    const size = shape.reduce((a, b) => a * b, 1);
    if (data.length !== size) throw new WireError(`${where}: ${data.length} values for shape [${shape.join(", ")}]`);
    budget.n += size;
    if (budget.n > limits.maxElements) throw new WireError(`${where}: more than ${limits.maxElements} elements in total`);
    return { t: "tensor", dtype, shape: [...shape], data } as WireTensor;
  }
  if (kind === "array") {
    const r = ArrayNode.safeParse(input);
    if (!r.success) throw new WireError(`${where}: malformed array`);
    budget.n += r.data.items.length;
    if (budget.n > limits.maxElements) throw new WireError(`${where}: more than ${limits.maxElements} elements in total`);
    assertPlain(r.data.items, where);
    return { t: "array", items: r.data.items.map((x, i) => parseAt(x, limits, depth + 1, budget, `${where}[${i}]`)) };
  }
  if (kind === "object") {
    const r = ObjectNode.safeParse(input);
    if (!r.success) throw new WireError(`${where}: malformed object`);
    assertPlain((input as { entries: unknown }).entries, where);
    const keys = Object.keys(r.data.entries);
    budget.n += keys.length;
    if (budget.n > limits.maxElements) throw new WireError(`${where}: more than ${limits.maxElements} elements in total`);
    const entries: Record<string, Wire> = Object.create(null) as Record<string, Wire>;
    for (const k of keys) {
      if (k.length > limits.maxStringLength) throw new WireError(`${where}: key longer than ${limits.maxStringLength}`);
      entries[k] = parseAt(r.data.entries[k], limits, depth + 1, budget, `${where}.${k}`);
    }
    return { t: "object", entries };
  }
  const r = Leaf.safeParse(input);
  if (!r.success) throw new WireError(`${where}: not a Wire value`);
  if (r.data.t === "string" && r.data.v.length > limits.maxStringLength) {
    throw new WireError(`${where}: string longer than ${limits.maxStringLength}`);
  }
  return r.data;
}

/** Parse an untrusted Wire value; throws WireError naming the first problem. */
export function parseWire(input: unknown, limits: WireLimits = DEFAULT_WIRE_LIMITS): Wire {
  return parseAt(input, limits, 0, { n: 0 }, "value");
}

/** zod schema for a Wire value with limits (depth, total elements, string length, rank). */
export function wireSchema(limits: WireLimits = DEFAULT_WIRE_LIMITS): z.ZodType<Wire> {
  return z.unknown().transform((input, ctx) => {
    try {
      return parseWire(input, limits);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message, input });
      return z.NEVER;
    }
  }) as unknown as z.ZodType<Wire>;
}

export const WireSchema = wireSchema();

/** Host value (tensors, numbers, plain objects/arrays) → Wire. Trusted side: authors' values. */
export function toWire(value: unknown, depth = 0): Wire {
  if (depth > DEFAULT_WIRE_LIMITS.maxDepth) throw new WireError("value nested too deeply");
  if (value instanceof tf.Tensor) {
    if (value.dtype !== "float32" && value.dtype !== "int32" && value.dtype !== "bool") {
      throw new WireError(`cannot send a ${value.dtype} tensor`);
    }
    const src = value.dataSync() as ArrayLike<number>;
    const data = new DATA_CLASS[value.dtype](src.length);
    data.set(src);
    return { t: "tensor", dtype: value.dtype, shape: [...value.shape], data };
  }
  switch (typeof value) {
    case "number":
      return { t: "number", v: value };
    case "string":
      return { t: "string", v: value };
    case "boolean":
      return { t: "boolean", v: value };
    case "undefined":
      return { t: "undefined" };
    default:
      break;
  }
  if (value === null) return { t: "null" };
  if (Array.isArray(value)) return { t: "array", items: value.map((x) => toWire(x, depth + 1)) };
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries: Record<string, Wire> = {};
    for (const [k, v] of Object.entries(value)) entries[k] = toWire(v, depth + 1);
    return { t: "object", entries };
  }
  throw new WireError(`cannot send a ${typeof value} (${Object.prototype.toString.call(value)})`);
}

/** Wire tensor → tfjs tensor (trusted side). */
export function wireToTensor(w: WireTensor): tf.Tensor {
  return tf.tensor(w.data, w.shape, w.dtype);
}

/** Wire → host value, tensors becoming tfjs tensors (trusted side; caller disposes). */
export function fromWire(w: Wire): unknown {
  switch (w.t) {
    case "tensor":
      return wireToTensor(w);
    case "number":
    case "string":
    case "boolean":
      return w.v;
    case "null":
      return null;
    case "undefined":
      return undefined;
    case "array":
      return w.items.map(fromWire);
    case "object":
      return Object.fromEntries(Object.entries(w.entries).map(([k, v]) => [k, fromWire(v)]));
  }
}

// ---- JSON form -------------------------------------------------------------------------------

type JsonNumber = number | "NaN" | "Infinity" | "-Infinity";
export type WireJson =
  | { t: "tensor"; dtype: "float32" | "int32" | "bool"; shape: number[]; data: JsonNumber[] }
  | { t: "number"; v: JsonNumber }
  | { t: "string"; v: string }
  | { t: "boolean"; v: boolean }
  | { t: "null" }
  | { t: "undefined" }
  | { t: "array"; items: WireJson[] }
  | { t: "object"; entries: Record<string, WireJson> };

function numToJson(x: number): JsonNumber {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return x;
}

function numFromJson(x: unknown, where: string): number {
  if (typeof x === "number") return x;
  if (x === "NaN") return NaN;
  if (x === "Infinity") return Infinity;
  if (x === "-Infinity") return -Infinity;
  throw new WireError(`${where}: not a number`);
}

export function wireToJson(w: Wire): WireJson {
  switch (w.t) {
    case "tensor":
      return { t: "tensor", dtype: w.dtype, shape: [...w.shape], data: Array.from(w.data, numToJson) };
    case "number":
      return { t: "number", v: numToJson(w.v) };
    case "array":
      return { t: "array", items: w.items.map(wireToJson) };
    case "object":
      return { t: "object", entries: Object.fromEntries(Object.entries(w.entries).map(([k, v]) => [k, wireToJson(v)])) };
    default:
      return w;
  }
}

function fromJsonAt(j: unknown, where: string, depth: number): unknown {
  if (depth > DEFAULT_WIRE_LIMITS.maxDepth + 1) throw new WireError(`${where}: nested too deeply`);
  if (typeof j !== "object" || j === null) throw new WireError(`${where}: not a Wire JSON node`);
  const node = j as Record<string, unknown>;
  switch (node["t"]) {
    case "tensor": {
      const dtype = node["dtype"];
      const data = node["data"];
      if ((dtype !== "float32" && dtype !== "int32" && dtype !== "bool") || !Array.isArray(data)) {
        throw new WireError(`${where}: malformed tensor`);
      }
      if (data.length > DEFAULT_WIRE_LIMITS.maxElements) throw new WireError(`${where}: too many elements`);
      const arr = new DATA_CLASS[dtype](data.length);
      for (let i = 0; i < data.length; i++) arr[i] = numFromJson(data[i], where);
      return { ...node, data: arr };
    }
    case "number":
      return { t: "number", v: numFromJson(node["v"], where) };
    case "array":
      if (!Array.isArray(node["items"])) throw new WireError(`${where}: malformed array`);
      return { t: "array", items: node["items"].map((x, i) => fromJsonAt(x, `${where}[${i}]`, depth + 1)) };
    case "object": {
      const entries = node["entries"];
      if (typeof entries !== "object" || entries === null) throw new WireError(`${where}: malformed object`);
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of Object.entries(entries)) out[k] = fromJsonAt(v, `${where}.${k}`, depth + 1);
      return { t: "object", entries: out };
    }
    default:
      return node;
  }
}

/** JSON form → Wire, validated with the limits. */
export function wireFromJson(j: unknown, limits: WireLimits = DEFAULT_WIRE_LIMITS): Wire {
  return parseWire(fromJsonAt(j, "value", 0), limits);
}
