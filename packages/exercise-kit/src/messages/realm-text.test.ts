// The realm's own messages, produced by the real realm code, come out in Chinese; anything else
// (a student's exception, a tfjs error) is left exactly as thrown.
import * as tf from "@tensorflow/tfjs";
import { afterEach, describe, expect, it } from "vitest";
import { executeCalls } from "../realm/execute.ts";
import { BannedFunctionError, restrictTf, unrestrictTf, type TfNamespace } from "../realm/restrict.ts";
import { DEFAULT_WIRE_LIMITS, type SandboxCall, type WireLimits } from "../realm/types.ts";
import { toWire } from "../wire.ts";
import { translateRealmText } from "./realm-text.ts";

const TF = tf as unknown as TfNamespace;
const CJK = /[\u4e00-\u9fff]/;

/** The realm's error message for one call of `f` (or of a missing export). */
async function realmMessage(mod: Record<string, unknown>, opts: { bans?: string[]; limits?: Partial<WireLimits>; args?: unknown[]; exportName?: string } = {}): Promise<string> {
  const r = restrictTf(TF, opts.bans ?? []);
  try {
    const calls: SandboxCall[] = [{ id: "0", kind: "export", export: opts.exportName ?? "f", args: (opts.args ?? []).map(toWire) }];
    const res = await executeCalls(mod, r, calls, { limits: { ...DEFAULT_WIRE_LIMITS, ...opts.limits } });
    const out = res.results[0]!;
    if (out.ok) throw new Error("the call succeeded");
    return out.error.message;
  } finally {
    unrestrictTf(TF);
  }
}

class Thing {
  v = 1;
}

describe("translateRealmText", () => {
  afterEach(() => unrestrictTf(TF));

  const x = () => tf.tensor2d([[1, 2], [3, 4]]);
  const produced: [string, () => Promise<string>, string][] = [
    ["banned function", () => Promise.resolve(new BannedFunctionError("losses.meanSquaredError").message), "本练习不能使用 tf.losses.meanSquaredError：这道题的目的就是让你自己实现它。"],
    [
      "banned tensor method",
      () => realmMessage({ f: (t: tf.Tensor) => t.softmax() }, { bans: ["softmax"], args: [x()] }),
      "本练习不能使用 tf.softmax（以张量方法 x.softmax() 调用）：这道题的目的就是让你自己实现它。",
    ],
    [
      "banned kernel",
      () => realmMessage({ f: (t: tf.Tensor) => tf.layers.softmax().apply(t) }, { bans: ["softmax"], args: [x()] }),
      '本练习不能使用 tf.softmax（通过其内核 "Softmax" 调用）：这道题的目的就是让你自己实现它。',
    ],
    ["missing export", () => realmMessage({}, { exportName: "denseForward" }), "你的模块没有导出 denseForward。"],
    ["export not a function", () => realmMessage({ f: 42 }), "你导出的 f 不是函数（而是 number）。"],
    ["function returned", () => realmMessage({ f: () => ({ dx: () => 1 }) }), "你的返回值中的 dx 是函数；请返回张量、数值，或由它们组成的普通对象/数组。"],
    ["class instance", () => realmMessage({ f: () => new Thing() }), "你的返回值是某个类的实例；请返回张量、数值，或普通对象/数组。"],
    ["symbol", () => realmMessage({ f: () => [Symbol("s")] }), "你的返回值中的 [0] 是 symbol；请返回张量、数值，或由它们组成的普通对象/数组。"],
    [
      "getter",
      () =>
        realmMessage({
          f: () => ({
            get loss() {
              return 1;
            },
          }),
        }),
      "你的返回值中的 loss 是 getter/setter 属性；请返回普通数据（getter 不会被求值）。",
    ],
    [
      "disposed tensor",
      () =>
        realmMessage({
          f: () => {
            const t = tf.scalar(1);
            t.dispose();
            return t;
          },
        }),
      "你的返回值是已释放（dispose）的张量，或不是真正的 tfjs 张量；请返回未释放的张量。",
    ],
    ["fake tensor", () => realmMessage({ f: () => ({ shape: [1], dtype: "float32", dataSync: () => [1] }) }), "你的返回值看起来像张量，但不是真正的 tfjs 张量（不接受伪造的类张量对象）。"],
    ["string too long", () => realmMessage({ f: () => "abcdef" }, { limits: { maxStringLength: 3 } }), "你的返回值是长度超过 3 个字符的字符串。"],
    ["rank", () => realmMessage({ f: () => tf.zeros([1, 1, 1]) }, { limits: { maxRank: 2 } }), "你的返回值的秩为 3；最多只接受 2。"],
    ["too many elements", () => realmMessage({ f: () => ({ y: tf.zeros([4, 4]) }) }, { limits: { maxElements: 10 } }), "你的返回值中的 y 使输出的元素总数超过了 10。"],
    ["long array", () => realmMessage({ f: () => [1, 2, 3, 4] }, { limits: { maxElements: 2 } }), "你的返回值是包含 4 项的数组；输出最多只能包含 2 个元素。"],
    ["too deep", () => realmMessage({ f: () => ({ a: { b: { c: 1 } } }) }, { limits: { maxDepth: 2 } }), "你的返回值中的 a.b 的嵌套超过了 2 层（是否有循环引用？）。"],
    ["proxy", () => realmMessage({ f: () => new Proxy({}, {}) }), "你的返回值包含 Proxy 或其他特殊对象；请返回张量、数值，或由它们组成的普通对象/数组。"],
  ];

  it.each(produced)("translates the realm's message: %s", async (_name, produce, zh) => {
    const message = await produce();
    expect(translateRealmText(message)).toBe(zh);
  });

  it("leaves the student's and tfjs's own messages as thrown", async () => {
    const own = await realmMessage({ f: () => { throw new RangeError("k must be at least 2"); } });
    expect(translateRealmText(own)).toBe("k must be at least 2");
    const tfjs = await realmMessage({ f: (t: tf.Tensor) => tf.matMul(t, tf.ones([3, 3])) }, { args: [x()] });
    expect(translateRealmText(tfjs)).toBe(tfjs);
    expect(translateRealmText(tfjs)).not.toMatch(CJK);
  });
});
