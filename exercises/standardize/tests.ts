import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, finite, fromFeedback, localText, nonEmpty, randomCase, shaped, type CheckFn } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  fit: boolean;
  x: tf.Tensor;
  /** For standardize cases: the training data the statistics come from. */
  train?: tf.Tensor;
}

/**
 * N rows of D features on different scales: column d has std s_d in [0.5, 20] and mean m_d with
 * |m_d| <= 8·s_d (exactly, for N >= 2: the normal draws are standardised per column first). The
 * bound keeps the data well conditioned, so a mathematically equal one-pass variance
 * E[x²] - E[x]² stays within the tolerance in float32; without it a column of few rows could
 * draw a tiny spread under a large mean, and float32 cancellation alone would fail a correct answer.
 */
const data = (rng: Rng, n: number, d: number): tf.Tensor => {
  const scale = rng.uniformArray(d, 0.5, 20);
  const offset = rng.uniformArray(d, -8, 8);
  const z = rng.normalArray(n * d);
  const rows = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    const column = Array.from({ length: n }, (_, i) => z[i * d + j]!);
    const mean = column.reduce((a, b) => a + b, 0) / n;
    const spread = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    column.forEach((v, i) => (rows[i]![j] = (spread > 0 ? (v - mean) / spread : v) * scale[j]! + offset[j]! * scale[j]!));
  }
  return tf.tensor2d(rows, [n, d]);
};

/** Columns 1 and 3 constant. */
const withConstantColumns = (rng: Rng, n: number): tf.Tensor => {
  const x = data(rng, n, 4).arraySync() as number[][];
  for (const row of x) {
    row[1] = 7.25;
    row[3] = -2;
  }
  return tf.tensor2d(x);
};

/** Default comparison, plus: the std of a constant column is exactly 1. */
const exactOnes: CheckFn<Inputs> = (ctx) => {
  const base = ctx.defaultCheck();
  if (!base.pass) return base;
  const out = ctx.outputs[0]!;
  const std = out.t === "object" ? out.entries["std"] : undefined;
  if (std?.t !== "tensor") return base;
  for (const col of [1, 3]) {
    if (std.data[col] !== 1) {
      return fromFeedback(false, [
        localText({ en: `column ${col} is constant, so its std must be exactly 1.`, "zh-CN": `第 ${col} 列是常数列，因此它的 std 必须严格等于 1。` }, "std"),
      ]);
    }
  }
  return base;
};

export default defineTests<Inputs>({
  run: (i) => (i.fit ? call("fitStandardizer", i.x) : call("standardize", i.x, reference.fitStandardizer(i.train!))),
  expected: (i) => (i.fit ? reference.fitStandardizer(i.x) : reference.standardize(i.x, reference.fitStandardizer(i.train!))),
  domain: (i) => allOf(shaped("x", i.x, [undefined, undefined]), nonEmpty({ x: i.x }), finite("x", i.x), i.train === undefined ? true : allOf(shaped("train", i.train, [undefined, i.x.shape[1]]), nonEmpty({ train: i.train }))),
  cases: [
    randomCase("fit on 8 rows × 3 features", (rng) => ({ fit: true, x: data(rng, 8, 3) }), { visibility: "public" }),
    randomCase("standardise new rows with fitted statistics", (rng) => ({ fit: false, train: data(rng, 10, 3), x: data(rng, 4, 3) }), { visibility: "public" }),
    randomCase("fit, random size", (rng) => ({ fit: true, x: data(rng, rng.int(2, 30), rng.int(1, 8)) }), { points: 2 }),
    randomCase("fit, square data (N = D)", (rng) => ({ fit: true, x: data(rng, 5, 5) }), { points: 2 }),
    edgeCase("fit with constant columns (std exactly 1)", (rng) => ({ fit: true, x: withConstantColumns(rng, 6) }), { points: 2, check: exactOnes }),
    edgeCase("standardise with a constant column in the training data", (rng) => ({ fit: false, train: withConstantColumns(rng, 6), x: withConstantColumns(rng, 3) }), { points: 2 }),
    edgeCase("fit on a single row (every column constant)", (rng) => ({ fit: true, x: data(rng, 1, 4) })),
  ],
});
