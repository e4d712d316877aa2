import type * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, intIn, nonEmpty, randomCase, shaped, windowFits } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  filters: tf.Tensor;
  bias: tf.Tensor;
  stride: number;
  pad: number;
}

function draw(rng: Rng, [n, h, w, cin]: number[], [kh, kw, cout]: number[], stride: number, pad: number): Inputs {
  return { x: rng.normal([n!, h!, w!, cin!]), filters: rng.normal([kh!, kw!, cin!, cout!], 0, 0.5), bias: rng.normal([cout!]), stride, pad };
}

export default defineTests<Inputs>({
  run: (i) => call("conv2dForward", i.x, i.filters, i.bias, i.stride, i.pad),
  expected: (i) => reference.conv2dForward(i.x, i.filters, i.bias, i.stride, i.pad),
  domain: (i) => {
    const [, h, w, cin] = i.x.shape;
    const [kh, kw, , cout] = i.filters.shape;
    return allOf(
      shaped("x", i.x, [undefined, undefined, undefined, undefined]),
      shaped("filters", i.filters, [undefined, undefined, cin, undefined]),
      shaped("bias", i.bias, [cout]),
      nonEmpty({ x: i.x, filters: i.filters }),
      intIn("stride", i.stride, 1),
      intIn("pad", i.pad, 0),
      windowFits("rows", h!, kh!, i.pad),
      windowFits("columns", w!, kw!, i.pad),
    );
  },
  cases: [
    randomCase("3×3 kernel, stride 1, pad 1 (same size)", (rng) => draw(rng, [2, 5, 5, 3], [3, 3, 4], 1, 1), { visibility: "public" }),
    randomCase("stride 2, no padding", (rng) => draw(rng, [1, 7, 7, 2], [3, 3, 3], 2, 0), { visibility: "public" }),
    randomCase("non-square input and kernel, stride 2, pad 1", (rng) => draw(rng, [2, 6, 9, 3], [2, 3, 5], 2, 1), { points: 3 }),
    randomCase("random configuration", (rng) => {
      // Each side at least as long as the kernel on that side, so the kernel fits without padding too.
      const kh = rng.int(1, 4);
      const kw = rng.int(1, 4);
      return draw(rng, [rng.int(1, 3), rng.int(kh, 9), rng.int(kw, 9), rng.int(1, 4)], [kh, kw, rng.int(1, 5)], rng.int(1, 3), rng.int(0, 2));
    }, { points: 3 }),
    edgeCase("1×1 kernel (a per-pixel dense layer)", (rng) => draw(rng, [2, 3, 4, 3], [1, 1, 2], 1, 0)),
    edgeCase("kernel as large as the input (1×1 output)", (rng) => draw(rng, [3, 4, 4, 2], [4, 4, 3], 1, 0)),
    edgeCase("stride leaves a remainder (floor)", (rng) => draw(rng, [1, 8, 8, 1], [3, 3, 2], 3, 0), { points: 2 }),
    edgeCase("padding larger than the kernel reach", (rng) => draw(rng, [1, 3, 3, 2], [2, 2, 2], 1, 2)),
  ],
});
