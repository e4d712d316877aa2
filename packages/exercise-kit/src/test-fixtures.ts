// A small exercise used by this package's tests (not exported from the package).
import * as tf from "@tensorflow/tfjs";
import { call, defineTests, edgeCase, harness, randomCase } from "./define-tests.ts";
import { allOf, nonEmpty, shaped } from "./domain.ts";
import { ExerciseManifestSchema } from "./manifest.ts";
import type { PlanSource } from "./plan.ts";

export const scaleManifest = ExerciseManifestSchema.parse({
  id: "scale-rows",
  lesson: 1,
  title: { en: "Scale rows", "zh-CN": "缩放行" },
  exports: ["scaleRows", "total"],
  bans: ["softmax", "losses.*", "linalg.bandPart"],
});

interface Inputs {
  x: tf.Tensor;
  s: tf.Tensor;
}

/** scaleRows(x[N,D], s[N]) = x * s[:, None]; total(x) = sum of x (a number). */
export const scaleTests = defineTests<Inputs>({
  run: (i) => call("scaleRows", i.x, i.s),
  expected: (i) => tf.mul(i.x, tf.reshape(i.s, [-1, 1])),
  domain: (i) => allOf(shaped("x", i.x, [undefined, undefined]), nonEmpty({ x: i.x }), shaped("s", i.s, [i.x.shape[0]])),
  cases: [
    randomCase("public random", (rng) => ({ x: rng.normal([3, 4]), s: rng.normal([3]) }), { visibility: "public" }),
    randomCase("hidden random", (rng) => ({ x: rng.normal([5, 2], 0, 3), s: rng.normal([5]) }), { points: 2 }),
    edgeCase("hidden total", () => ({ x: tf.tensor2d([[1.5, 2.25], [3, -4]]), s: tf.ones([2]) }), {
      run: (i) => call("total", i.x),
      expected: (i) => tf.sum(i.x).dataSync()[0],
    }),
    edgeCase("harness squares through the module", () => ({ x: tf.tensor2d([[1, 2], [3, 4]]), s: tf.tensor1d([2, 3]) }), {
      run: (i) => harness("async (mod, tf, x, s) => mod.scaleRows(tf.square(x), s)", i.x, i.s),
      expected: (i) => tf.mul(tf.square(i.x), tf.reshape(i.s, [-1, 1])),
    }),
  ],
});

export const scaleTestNames = {
  "zh-CN": {
    "public random": "公开的随机用例",
    "hidden random": "隐藏的随机用例",
    "hidden total": "隐藏的求和用例",
    "harness squares through the module": "测试框架代码通过模块计算平方",
  },
};

export const scaleExercise: PlanSource = { manifest: scaleManifest, tests: scaleTests };

export const scaleSolution = `
import * as tf from "@tensorflow/tfjs";
export function scaleRows(x: tf.Tensor2D, s: tf.Tensor1D): tf.Tensor2D {
  return tf.mul(x, tf.reshape(s, [-1, 1]));
}
export function total(x: tf.Tensor): number {
  return tf.sum(x).dataSync()[0]!;
}
`;
