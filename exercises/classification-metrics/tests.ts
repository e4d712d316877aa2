import { allOf, call, defineTests, edgeCase, indicesIn, intIn, randomCase, requires } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

type Inputs =
  | { fn: "matrix"; yTrue: number[]; yPred: number[]; numClasses: number }
  | { fn: "prf"; yTrue: number[]; yPred: number[]; positive: number };

/** Predictions right with probability `acc`, otherwise a random class. */
function labels(rng: Rng, n: number, c: number, acc = 0.6): { yTrue: number[]; yPred: number[] } {
  const yTrue = Array.from({ length: n }, () => rng.int(0, c));
  const yPred = yTrue.map((t) => (rng.next() < acc ? t : rng.int(0, c)));
  return { yTrue, yPred };
}

// The RangeError cases lie outside the domain on purpose; each declares the violation it tests.
const lengthsDiffer = (i: Inputs) => requires(i.yTrue.length !== i.yPred.length, "this case must give arrays of different lengths");
const labelOutOfRange = (i: Inputs) =>
  requires(i.fn === "matrix" && [...i.yTrue, ...i.yPred].some((l) => l < 0 || l >= i.numClasses), "this case must give a label outside [0, numClasses)");

export default defineTests<Inputs>({
  run: (i) => (i.fn === "matrix" ? call("confusionMatrix", i.yTrue, i.yPred, i.numClasses) : call("precisionRecallF1", i.yTrue, i.yPred, i.positive)),
  expected: (i) => (i.fn === "matrix" ? reference.confusionMatrix(i.yTrue, i.yPred, i.numClasses) : reference.precisionRecallF1(i.yTrue, i.yPred, i.positive)),
  domain: (i) =>
    allOf(
      requires(i.yTrue.length === i.yPred.length, "yTrue and yPred differ in length"),
      i.fn === "matrix"
        ? allOf(intIn("numClasses", i.numClasses, 1), indicesIn("yTrue", i.yTrue, 0, i.numClasses), indicesIn("yPred", i.yPred, 0, i.numClasses))
        : allOf(intIn("positive", i.positive, 0), indicesIn("yTrue", i.yTrue, 0, Infinity), indicesIn("yPred", i.yPred, 0, Infinity)),
    ),
  cases: [
    edgeCase("confusion matrix of 6 labels, 3 classes", () => ({ fn: "matrix", yTrue: [0, 1, 2, 2, 1, 0], yPred: [0, 2, 2, 1, 1, 0], numClasses: 3 }), { visibility: "public" }),
    edgeCase("precision/recall/F1 of a small example", () => ({ fn: "prf", yTrue: [1, 0, 1, 1, 0, 1], yPred: [1, 1, 0, 1, 0, 1], positive: 1 }), { visibility: "public" }),
    randomCase("confusion matrix, random labels", (rng) => {
      const c = rng.int(2, 7);
      return { fn: "matrix", ...labels(rng, rng.int(5, 80), c), numClasses: c };
    }, { points: 3 }),
    randomCase("precision/recall/F1, random labels", (rng) => {
      const c = rng.int(2, 5);
      return { fn: "prf", ...labels(rng, rng.int(10, 60), c), positive: rng.int(0, c) };
    }, { points: 3 }),
    // Precision, recall and F1 all differ here, and negatives are confused with each other: a
    // solution that swaps precision and recall, averages them, or counts those confusions as false
    // positives fails (random labels do not always tell them apart).
    edgeCase("precision and recall differ, negatives confused with each other", () => ({ fn: "prf", yTrue: [1, 1, 1, 1, 1, 0, 0, 2], yPred: [1, 1, 1, 0, 2, 1, 2, 0], positive: 1 }), { points: 2 }),
    edgeCase("the positive class is never predicted (precision 0, F1 0)", () => ({ fn: "prf", yTrue: [2, 2, 0, 1], yPred: [0, 1, 0, 1], positive: 2 }), { points: 2 }),
    edgeCase("the positive class never occurs (recall 0)", () => ({ fn: "prf", yTrue: [0, 0, 1], yPred: [2, 0, 1], positive: 2 })),
    edgeCase("a class never seen still gets its row and column", () => ({ fn: "matrix", yTrue: [0, 0, 1], yPred: [1, 0, 1], numClasses: 4 })),
    edgeCase("different lengths throw a RangeError (matrix)", () => ({ fn: "matrix", yTrue: [0, 1], yPred: [0], numClasses: 2 }), { throws: "RangeError", outsideSuiteDomain: true, domain: lengthsDiffer }),
    edgeCase("different lengths throw a RangeError (metrics)", () => ({ fn: "prf", yTrue: [0, 1, 1], yPred: [0, 1], positive: 1 }), { throws: "RangeError", outsideSuiteDomain: true, domain: lengthsDiffer }),
    edgeCase("a label out of range throws a RangeError", () => ({ fn: "matrix", yTrue: [0, 3], yPred: [0, 1], numClasses: 3 }), { throws: "RangeError", outsideSuiteDomain: true, domain: labelOutOfRange }),
    // yPred longer than yTrue: iterating over yTrue alone never meets the extra label.
    edgeCase("a longer yPred throws a RangeError (matrix)", () => ({ fn: "matrix", yTrue: [0, 1], yPred: [0, 1, 1], numClasses: 2 }), { throws: "RangeError", outsideSuiteDomain: true, domain: lengthsDiffer }),
    // Only yPred is out of range: a solution that validates the true labels alone misses it.
    edgeCase("a predicted label out of range throws a RangeError", () => ({ fn: "matrix", yTrue: [0, 1, 1], yPred: [0, 2, 1], numClasses: 2 }), { throws: "RangeError", outsideSuiteDomain: true, domain: labelOutOfRange }),
    edgeCase("a negative label throws a RangeError", () => ({ fn: "matrix", yTrue: [0, -1], yPred: [0, 1], numClasses: 3 }), { throws: "RangeError", outsideSuiteDomain: true, domain: labelOutOfRange }),
  ],
});
