import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, fromFeedback, localText, nonEmpty, randomCase, shaped, valuesIn, type CheckFn, type WireTensor } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  q: tf.Tensor;
  k: tf.Tensor;
  v: tf.Tensor;
  mask?: tf.Tensor;
}

interface Sizes {
  b: number;
  tq: number;
  tk: number;
  d: number;
  dv: number;
}

function draw(rng: Rng, s: Sizes, scale = 1): Inputs {
  return { q: rng.normal([s.b, s.tq, s.d], 0, scale), k: rng.normal([s.b, s.tk, s.d], 0, scale), v: rng.normal([s.b, s.tk, s.dv]) };
}

/** Tq, Tk, d, dv all different, so transposes and wrong axes show up as wrong shapes or values. */
function distinct(rng: Rng): Sizes {
  const [tq, tk, d, dv] = rng.shuffle([3, 4, 5, 6, 7, 8]).slice(0, 4) as [number, number, number, number];
  return { b: rng.int(1, 4), tq, tk, d: d * 2, dv };
}

/** Random 0/1 mask with at least one allowed key per query, unless `emptyRows` lists queries to mask fully. */
function randomMask(rng: Rng, s: Sizes, emptyRows: number[] = []): tf.Tensor {
  const m = new Float32Array(s.b * s.tq * s.tk);
  for (let b = 0; b < s.b; b++) {
    for (let i = 0; i < s.tq; i++) {
      const row = (b * s.tq + i) * s.tk;
      if (emptyRows.includes(i)) continue;
      for (let j = 0; j < s.tk; j++) m[row + j] = rng.next() < 0.6 ? 1 : 0;
      m[row + rng.int(0, s.tk)] = 1;
    }
  }
  return tf.tensor3d(m, [s.b, s.tq, s.tk]);
}

function entry(w: unknown, key: string): WireTensor | undefined {
  const o = w as { t?: string; entries?: Record<string, { t?: string }> };
  const e = o.t === "object" ? o.entries?.[key] : undefined;
  return e?.t === "tensor" ? (e as WireTensor) : undefined;
}

/** Default comparison, then: masked weights exactly 0, fully masked queries output exactly 0. */
const maskedExactly: CheckFn<Inputs> = (ctx) => {
  const base = ctx.defaultCheck();
  if (!base.pass) return base;
  const mask = ctx.inputs.mask;
  const weights = entry(ctx.outputs[0], "weights");
  const output = entry(ctx.outputs[0], "output");
  if (mask === undefined || weights === undefined || output === undefined) return base;
  const [b, tq, tk] = mask.shape as [number, number, number];
  const dv = output.shape[2]!;
  let nonZero = 0;
  let first: number[] | undefined;
  for (let i = 0; i < mask.data.length; i++) {
    if (mask.data[i] === 0 && weights.data[i] !== 0) {
      nonZero++;
      first ??= [Math.floor(i / (tq * tk)), Math.floor(i / tk) % tq, i % tk];
    }
  }
  if (nonZero > 0) {
    const at = `[${first!.join(", ")}]`;
    return fromFeedback(false, [
      localText(
        {
          en: `${nonZero} masked weight${nonZero === 1 ? " is" : "s are"} not exactly 0, first at index ${at}.`,
          "zh-CN": `有 ${nonZero} 个被遮蔽（masked）的权重不严格等于 0，第一个在索引 ${at} 处。`,
        },
        "weights",
      ),
    ]);
  }
  for (let bi = 0; bi < b; bi++) {
    for (let i = 0; i < tq; i++) {
      let any = false;
      for (let j = 0; j < tk; j++) any ||= mask.data[(bi * tq + i) * tk + j] !== 0;
      if (any) continue;
      for (let c = 0; c < dv; c++) {
        if (output.data[(bi * tq + i) * dv + c] !== 0) {
          return fromFeedback(false, [
            localText(
              {
                en: `query [${bi}, ${i}] has every key masked, so its output must be exactly 0.`,
                "zh-CN": `查询 [${bi}, ${i}] 的所有键都被遮蔽，因此它的输出必须严格为 0。`,
              },
              "output",
            ),
          ]);
        }
      }
    }
  }
  return base;
};

export default defineTests<Inputs>({
  run: (i) => (i.mask === undefined ? call("scaledDotProductAttention", i.q, i.k, i.v) : call("scaledDotProductAttention", i.q, i.k, i.v, i.mask)),
  expected: (i) => reference.scaledDotProductAttention(i.q, i.k, i.v, i.mask),
  domain: (i) => {
    const [b, tq, d] = i.q.shape;
    return allOf(
      nonEmpty({ q: i.q, k: i.k, v: i.v }),
      shaped("q", i.q, [b, tq, d]),
      shaped("k", i.k, [b, undefined, d]),
      shaped("v", i.v, [b, i.k.shape[1], undefined]),
      i.mask === undefined ? true : allOf(shaped("mask", i.mask, [b, tq, i.k.shape[1]]), valuesIn("mask", i.mask, 0, 1, true)),
    );
  },
  cases: [
    randomCase("one example, no mask (B=1, Tq=2, Tk=3, d=4, dv=2)", (rng) => draw(rng, { b: 1, tq: 2, tk: 3, d: 4, dv: 2 }), { visibility: "public" }),
    randomCase("causal mask (B=2, T=4, d=8, dv=3)", (rng) => ({
      ...draw(rng, { b: 2, tq: 4, tk: 4, d: 8, dv: 3 }),
      mask: tf.stack([reference.causalMask(4), reference.causalMask(4)]),
    }), { visibility: "public" }),
    randomCase("random sizes, no mask", (rng) => draw(rng, distinct(rng)), { points: 2 }),
    randomCase("large head dimension (d = 64)", (rng) => draw(rng, { b: 2, tq: 5, tk: 6, d: 64, dv: 4 }), { points: 2 }),
    randomCase("random mask", (rng) => {
      const s = distinct(rng);
      return { ...draw(rng, s), mask: randomMask(rng, s) };
    }, { points: 2, check: maskedExactly }),
    edgeCase("a fully masked query row", (rng) => {
      const s = { b: 2, tq: 3, tk: 5, d: 4, dv: 3 };
      return { ...draw(rng, s), mask: randomMask(rng, s, [1]) };
    }, { points: 2, check: maskedExactly }),
    edgeCase("large scores (in the thousands)", (rng) => draw(rng, { b: 1, tq: 3, tk: 4, d: 4, dv: 2 }, 40), { points: 2 }),
    edgeCase("large scores with a mask", (rng) => {
      const s = { b: 1, tq: 4, tk: 6, d: 4, dv: 3 };
      return { ...draw(rng, s, 40), mask: randomMask(rng, s) };
    }, { check: maskedExactly }),
    // A softmax shifted by the maximum over ALL keys (masked ones too) underflows to 0 on every
    // allowed key when a masked key scores far higher: only an allowed-keys maximum is stable.
    edgeCase("a masked key scores far above every allowed key", (rng) => {
      const s = { b: 2, tq: 3, tk: 5, d: 4, dv: 3 };
      const q = tf.concat([tf.add(tf.abs(rng.normal([s.b, s.tq, 1])), 0.5), rng.normal([s.b, s.tq, s.d - 1])], 2);
      const loud = tf.concat([tf.fill([s.b, 1, 1], 1000), tf.zeros([s.b, 1, s.d - 1])], 2);
      const k = tf.concat([loud, rng.normal([s.b, s.tk - 1, s.d])], 1);
      const mask = tf.concat([tf.zeros([s.b, s.tq, 1]), tf.ones([s.b, s.tq, s.tk - 1])], 2);
      return { q, k, v: rng.normal([s.b, s.tk, s.dv]), mask };
    }, { points: 2, check: maskedExactly }),
    edgeCase("a single key (Tk = 1)", (rng) => draw(rng, { b: 2, tq: 3, tk: 1, d: 4, dv: 2 })),
    edgeCase("mask of all ones equals no mask", (rng) => ({ ...draw(rng, { b: 1, tq: 3, tk: 3, d: 6, dv: 2 }), mask: tf.ones([1, 3, 3]) })),
  ],
});
