import { describe, expect, it } from "vitest";
import { chooseFlavour } from "./flavour.ts";

const ex = (src: string) => chooseFlavour(src, [{ id: "1", kind: "export", export: "f", args: [] }]);

describe("chooseFlavour", () => {
  it("plain tensor code gets the cheaper core realm", () => {
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nexport function f(x) { return tf.add(tf.matMul(x, x), 1).softmax(); }`)).toBe("core");
    expect(ex(`import { matMul, add } from "@tensorflow/tfjs";\nexport const f = (x) => add(matMul(x, x), 1);`)).toBe("core");
    expect(ex(`export async function f(x) { const data = await x.data(); return data[0]; }`)).toBe("core");
  });

  it("anything that may reach layers, models, io or data gets the full union", () => {
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nexport const f = () => tf.layers.dense({ units: 1 });`)).toBe("full");
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nexport const f = () => tf.sequential();`)).toBe("full");
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nexport const f = () => tf.model({ inputs: [], outputs: [] });`)).toBe("full");
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nexport const f = () => tf.data.array([1]);`)).toBe("full");
    expect(ex(`import { model } from "@tensorflow/tfjs";\nexport const f = () => model;`)).toBe("full");
    expect(ex(`import tf from "@tensorflow/tfjs";\nexport const f = () => tf;`)).toBe("full");
  });

  it("the namespace used as a value or indexed means full", () => {
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nexport const f = (k) => tf[k];`)).toBe("full");
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nconst t = tf;\nexport const f = () => t.add(1, 2);`)).toBe("full");
    expect(ex(`import * as tf from "@tensorflow/tfjs";\nexport const f = () => Object.keys(tf);`)).toBe("full");
  });

  it("harness calls and exercises that allow layers mean full", () => {
    expect(chooseFlavour(`export const f = 1;`, [{ id: "1", kind: "harness", source: "async () => 1", args: [] }])).toBe("full");
    expect(chooseFlavour(`export const f = 1;`, [], ["layers.Layer"])).toBe("full");
  });
});
