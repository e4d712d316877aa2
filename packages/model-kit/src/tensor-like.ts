import * as tf from "@tensorflow/tfjs";
import { z } from "zod";

/** Anything the kit can compare: a tensor, a plain number, or plain data (e.g. a sandbox result). */
export type TensorLike =
  | tf.Tensor
  | number
  | { shape: readonly number[]; values: ArrayLike<number>; dtype?: "float32" | "int32" | "bool" };

/** Host copy of a TensorLike, values widened to float64. */
export interface HostTensor {
  shape: number[];
  values: Float64Array;
  dtype: "float32" | "int32" | "bool";
}

const plainSchema = z.object({
  shape: z.array(z.number().int().nonnegative()),
  values: z.custom<ArrayLike<number>>(
    (v) =>
      Array.isArray(v) ||
      (ArrayBuffer.isView(v) && !(v instanceof DataView)) ||
      (typeof v === "object" && v !== null && typeof (v as { length?: unknown }).length === "number"),
    { message: "values must be an array or typed array of numbers" },
  ),
  dtype: z.enum(["float32", "int32", "bool"]).optional(),
});

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * Copy a TensorLike to the host. Throws a TypeError when plain data is malformed
 * (values that are not numbers, or a values length that does not match the shape).
 */
export function toHost(x: TensorLike): HostTensor {
  if (typeof x === "number") return { shape: [], values: Float64Array.of(x), dtype: "float32" };
  if (x instanceof tf.Tensor) {
    if (x.dtype === "string" || x.dtype === "complex64") {
      throw new TypeError(`cannot compare a ${x.dtype} tensor`);
    }
    const data = x.dataSync() as ArrayLike<number>;
    return { shape: x.shape.slice(), values: Float64Array.from(data), dtype: x.dtype as HostTensor["dtype"] };
  }
  const parsed = plainSchema.safeParse(x);
  if (!parsed.success) throw new TypeError(`not a tensor-like value: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const { shape, values } = parsed.data;
  const n = shapeSize(shape);
  if (values.length !== n) {
    throw new TypeError(`values has ${values.length} entries but shape [${shape.join(", ")}] needs ${n}`);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number") throw new TypeError(`values[${i}] is not a number`);
    out[i] = v;
  }
  return { shape: shape.slice(), values: out, dtype: parsed.data.dtype ?? "float32" };
}

/** Flat index → multi-index for a row-major shape. */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d] ?? 1;
    idx[d] = size === 0 ? 0 : rest % size;
    rest = size === 0 ? 0 : Math.floor(rest / size);
  }
  return idx;
}
