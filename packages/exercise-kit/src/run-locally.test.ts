import { describe, expect, it } from "vitest";
import { buildPublicFixtures, fixtureCalls, scorePublic } from "./public.ts";
import { executeCalls } from "./realm/execute.ts";
import { restrictTf, unrestrictTf, type TfNamespace } from "./realm/restrict.ts";
import { runLocally } from "./run-locally.ts";
import { scaleExercise, scaleSolution } from "./test-fixtures.ts";
import * as tf from "@tensorflow/tfjs";

const withoutTime = <T extends { durationMs: number }>(r: T): Omit<T, "durationMs"> => {
  const { durationMs: _d, ...rest } = r;
  void _d;
  return rest;
};

describe("runLocally", () => {
  it("gives a correct solution full marks", async () => {
    const r = await runLocally(scaleExercise, scaleSolution, { seed: 3 });
    expect(r.tests.filter((t) => !t.passed)).toEqual([]);
    expect(r).toMatchObject({ status: "passed", score: 5, maxScore: 5, seed: 3 });
  });

  it("same seed, same report", async () => {
    const wrong = scaleSolution.replace("tf.mul(x, tf.reshape(s, [-1, 1]))", "tf.add(x, tf.reshape(s, [-1, 1]))");
    const a = await runLocally(scaleExercise, wrong, { seed: 11 });
    const b = await runLocally(scaleExercise, wrong, { seed: 11 });
    expect(a.status).toBe("failed");
    expect(withoutTime(b)).toEqual(withoutTime(a));
  });

  it("forgets the classes a source registers with tf.serialization once it is graded", async () => {
    const registering = `import * as tf from "@tensorflow/tfjs";
class LeftBehind extends tf.layers.Layer { static className = "LeftBehind"; }
tf.serialization.registerClass(LeftBehind);
${scaleSolution.replace(/^import .*\n/m, "")}`;
    const r = await runLocally(scaleExercise, registering, { seed: 1 });
    expect(r.status).toBe("passed");
    expect(tf.serialization.SerializationMap.getMap().classNameMap).not.toHaveProperty("LeftBehind");
  });

  it("reports a compile error with the student's line and column", async () => {
    const r = await runLocally(scaleExercise, "export function scaleRows(x) {\n  return x +* 2;\n}\n", { seed: 1 });
    expect(r.status).toBe("compile_error");
    expect(r.message).toMatch(/line 2, column 13/);
    expect(r.score).toBe(0);
  });

  it("rejects a forbidden import by name", async () => {
    const r = await runLocally(scaleExercise, `import fs from "fs";\nexport const scaleRows = () => fs;\n`, { seed: 1 });
    expect(r.status).toBe("rejected");
    expect(r.message).toContain(`"fs"`);
  });

  it("points a runtime error at the line of the TypeScript source", async () => {
    const src = [
      `import * as tf from "@tensorflow/tfjs";`,
      `interface Unused { a: number }`,
      `type Alias = tf.Tensor;`,
      `export function scaleRows(x: Alias, s: Alias): Alias {`,
      `  const bad: Unused | undefined = undefined;`,
      `  return tf.mul(x, (bad as unknown as Unused).a);`,
      `}`,
      `export const total = (x: tf.Tensor) => tf.sum(x);`,
    ].join("\n");
    const r = await runLocally(scaleExercise, src, { seed: 1 });
    expect(r.tests[0]!.message).toMatch(/scaleRows threw TypeError: .*\(line 6, column \d+\)/);
  });

  it("reports a module that throws while loading", async () => {
    const r = await runLocally(scaleExercise, `throw new Error("no");\nexport const scaleRows = 1;\n`, { seed: 1 });
    expect(r.status).toBe("runtime_error");
    expect(r.message).toMatch(/threw while loading: Error: no \(line 1/);
  });

  it("applies the exercise's bans, including through named imports and chained methods", async () => {
    const named = await runLocally(scaleExercise, `import { softmax } from "@tensorflow/tfjs";\nexport const scaleRows = (x: any) => softmax(x);\nexport const total = () => 0;\n`, { seed: 1 });
    expect(named.tests[0]!.message).toMatch(/tf\.softmax is not available in this exercise/);
    const chained = await runLocally(scaleExercise, `export const scaleRows = (x: any) => x.softmax();\nexport const total = () => 0;\n`, { seed: 1 });
    expect(chained.tests[0]!.message).toMatch(/x\.softmax\(\)/);
    // The restriction is lifted afterwards for trusted code.
    expect(tf.tensor1d([0, 0]).softmax().dataSync()[0]).toBeCloseTo(0.5);
  });
});

describe("public fixtures and scorePublic", () => {
  it("survive JSON and score a realm run like the grader does", async () => {
    const fixtures = JSON.parse(JSON.stringify(buildPublicFixtures(scaleExercise, 8))) as unknown;
    const calls = fixtureCalls(fixtures);
    expect(calls).toHaveLength(1);
    const TF = tf as unknown as TfNamespace;
    const restricted = restrictTf(TF, scaleExercise.manifest.bans);
    try {
      const good = await executeCalls({ scaleRows: (x: tf.Tensor, s: tf.Tensor) => tf.mul(x, tf.reshape(s, [-1, 1])) }, restricted, calls);
      expect(scorePublic(fixtures, good)).toMatchObject({ status: "passed", score: 1, maxScore: 1, seed: 8 });
      const bad = await executeCalls({ scaleRows: (x: tf.Tensor) => x }, restricted, calls);
      const report = scorePublic(fixtures, bad);
      expect(report.status).toBe("failed");
      expect(report.tests[0]!.message).toMatch(/differ beyond the tolerance/);
    } finally {
      unrestrictTf(TF);
    }
  });
});
