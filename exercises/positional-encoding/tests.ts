import { allOf, call, defineTests, edgeCase, intIn, randomCase } from "@course/exercise-kit";
import { reference } from "@course/model-kit";

interface Inputs {
  seqLen: number;
  dModel: number;
}

export default defineTests<Inputs>({
  run: (i) => call("positionalEncoding", i.seqLen, i.dModel),
  expected: (i) => reference.positionalEncoding(i.seqLen, i.dModel),
  domain: (i) => allOf(intIn("seqLen", i.seqLen, 1), intIn("dModel", i.dModel, 1)),
  cases: [
    edgeCase("seqLen 6, dModel 8", () => ({ seqLen: 6, dModel: 8 }), { visibility: "public" }),
    randomCase("random even size", (rng) => ({ seqLen: rng.int(2, 60), dModel: 2 * rng.int(2, 24) }), { points: 2 }),
    edgeCase("long sequence (seqLen 200, dModel 64)", () => ({ seqLen: 200, dModel: 64 }), { points: 2 }),
    edgeCase("odd dModel (7)", () => ({ seqLen: 5, dModel: 7 })),
    edgeCase("a single position", () => ({ seqLen: 1, dModel: 10 })),
    edgeCase("dModel 2", () => ({ seqLen: 9, dModel: 2 })),
  ],
});
