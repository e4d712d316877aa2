import { allOf, call, defineTests, edgeCase, intIn, randomCase, requires } from "@course/exercise-kit";
import { reference } from "@course/model-kit";

interface Inputs {
  n: number;
  k: number;
}

/** The RangeError cases: k outside [2, n] on purpose. */
const invalidFolds = (i: Inputs) => requires(i.k < 2 || i.k > i.n, `k = ${i.k}, n = ${i.n}: this case must have k < 2 or k > n`);

export default defineTests<Inputs>({
  run: (i) => call("kFoldIndices", i.n, i.k),
  expected: (i) => reference.kFoldIndices(i.n, i.k),
  tolerance: { atol: 0, rtol: 0 },
  domain: (i) => allOf(intIn("n", i.n, 1), intIn("k", i.k, 2, i.n)),
  cases: [
    edgeCase("n = 7, k = 3 (uneven folds)", () => ({ n: 7, k: 3 }), { visibility: "public" }),
    edgeCase("k = 1 throws a RangeError", () => ({ n: 5, k: 1 }), { visibility: "public", throws: "RangeError", outsideSuiteDomain: true, domain: invalidFolds }),
    randomCase("random n and k", (rng) => {
      const n = rng.int(2, 60);
      return { n, k: rng.int(2, Math.min(n, 12) + 1) };
    }, { points: 3 }),
    edgeCase("k divides n (n = 12, k = 4)", () => ({ n: 12, k: 4 })),
    edgeCase("two folds one longer (n = 10, k = 4)", () => ({ n: 10, k: 4 }), { points: 2 }),
    edgeCase("leave-one-out (k = n = 5)", () => ({ n: 5, k: 5 }), { points: 2 }),
    edgeCase("k = 2 with odd n", () => ({ n: 9, k: 2 })),
    edgeCase("k > n throws a RangeError", () => ({ n: 3, k: 4 }), { throws: "RangeError", outsideSuiteDomain: true, domain: invalidFolds, points: 2 }),
    edgeCase("k = 0 throws a RangeError", () => ({ n: 3, k: 0 }), { throws: "RangeError", outsideSuiteDomain: true, domain: invalidFolds }),
  ],
});
