import { call, defineTests, edgeCase, intIn, randomCase } from "@course/exercise-kit";
import { reference } from "@course/model-kit";

interface Inputs {
  t: number;
}

export default defineTests<Inputs>({
  run: (i) => call("causalMask", i.t),
  expected: (i) => reference.causalMask(i.t),
  // 0/1 values: no tolerance needed.
  tolerance: { atol: 0, rtol: 0 },
  domain: (i) => intIn("t", i.t, 1),
  cases: [
    edgeCase("t = 4", () => ({ t: 4 }), { visibility: "public" }),
    randomCase("random length", (rng) => ({ t: rng.int(2, 40) }), { points: 2 }),
    edgeCase("t = 1", () => ({ t: 1 })),
    edgeCase("t = 2", () => ({ t: 2 })),
    edgeCase("t = 128", () => ({ t: 128 }), { points: 2 }),
  ],
});
