// Shared assertions for this package's tests (not exported from the package).
import { expect } from "vitest";
import { compareTensors, type Tolerance } from "./compare.ts";
import type { F64 } from "./float64/index.ts";
import type { TensorLike } from "./tensor-like.ts";

export function expectAgree(actual: TensorLike, expected: TensorLike | F64, tol?: Partial<Tolerance>): void {
  const r = compareTensors(actual, expected as TensorLike, tol);
  expect(r.pass, r.message).toBe(true);
}
