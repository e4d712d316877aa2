import { describe, expect, it } from "vitest";
import { planGrading } from "../plan.ts";
import { runPlanLocally } from "../run-locally.ts";
import { scoreGrading } from "../score.ts";
import { renderFeedback } from "../messages/feedback.ts";
import { scaleExercise, scaleSolution, scaleTestNames } from "../test-fixtures.ts";
import { diagnose, DiagnosesSchema, type MutantRun } from "./diagnose.ts";
import { diagnoseLocally } from "./local.ts";

const replace = (body: string): string => scaleSolution.replace("tf.mul(x, tf.reshape(s, [-1, 1]))", body);
const adds = replace("tf.add(x, tf.reshape(s, [-1, 1]))");
const hints = { adds: { en: "You add the scale to each row instead of multiplying.", "zh-CN": "你把缩放因子加到了每一行上，而不是相乘。" } };
const exercise = { ...scaleExercise, mutants: [{ name: "adds", path: "adds.ts", source: adds }], hints, testNames: scaleTestNames };

describe("diagnose", () => {
  it("shows the hint of the mutant the submission matches", async () => {
    const { report, diagnoses } = await diagnoseLocally(exercise, adds, { seed: 5 });
    expect(report.status).toBe("failed");
    expect(diagnoses).toHaveLength(1);
    expect(diagnoses[0]).toMatchObject({ key: "mutant.adds", mutant: "adds", message: hints.adds.en });
    expect(renderFeedback(diagnoses[0]!.feedback, "zh-CN")).toBe(hints.adds["zh-CN"]);
    expect(diagnoses[0]!.tests).toEqual(report.tests.filter((t) => !t.passed).map((t) => t.name));
    expect(DiagnosesSchema.parse(diagnoses)).toEqual(diagnoses);
  });

  it("falls back to generic relations when no mutant matches", async () => {
    const { diagnoses } = await diagnoseLocally(exercise, replace("tf.mul(tf.mul(x, tf.reshape(s, [-1, 1])), 2)"), { seed: 5 });
    expect(diagnoses.map((d) => d.key)).toEqual(["diagnosis.scaled"]);
    expect(diagnoses[0]!.message).toMatch(/multiplied by 2:/);
    const flipped = await diagnoseLocally(exercise, replace("tf.neg(tf.mul(x, tf.reshape(s, [-1, 1])))"), { seed: 5 });
    expect(flipped.diagnoses.map((d) => d.key)).toEqual(["diagnosis.signFlipped"]);
  });

  it("says nothing about a correct solution, on several seeds", async () => {
    for (const seed of [1, 2, 3]) expect((await diagnoseLocally(exercise, scaleSolution, { seed })).diagnoses).toEqual([]);
  });

  it("never reveals a hidden expected value or input to probing submissions", async () => {
    const probes = [
      replace("tf.zerosLike(x)"),
      replace("tf.onesLike(x)"),
      replace("tf.fill(x.shape, 1e6)"),
      replace("x"),
      replace("tf.reshape(s, [-1, 1])"),
      replace("tf.mul(tf.randomNormal(x.shape), 1e-3)"),
    ];
    const plan = planGrading(exercise, { seed: 9, visibility: "all" });
    // Every number a hidden case holds (inputs and expected values), as it would be printed.
    const secrets = new Set<string>();
    for (const pc of plan.cases.filter((c) => c.visibility === "hidden")) {
      const walk = (x: unknown): void => {
        if (typeof x === "number" && x !== 0 && Math.abs(x) !== 1) for (const d of [2, 3, 4]) secrets.add(x.toFixed(d));
        else if (ArrayBuffer.isView(x)) for (const y of x as unknown as number[]) walk(y);
        else if (x !== null && typeof x === "object") for (const y of Object.values(x)) walk(y);
      };
      walk(pc.expected);
      walk(pc.inputs);
    }
    for (const source of probes) {
      const { diagnoses } = await diagnoseLocally(exercise, source, { seed: 9 });
      for (const d of diagnoses) {
        expect(["diagnosis.scaled", "diagnosis.offset", "diagnosis.transposed", "diagnosis.wrongShape"]).not.toContain(d.key);
        const texts = [d.message, renderFeedback(d.feedback, "zh-CN"), JSON.stringify(d.feedback)];
        for (const t of texts) for (const s of secrets) expect(t.includes(s), `${s} in ${t}`).toBe(false);
      }
    }
  });

  it("needs every failing test to match, and a mutant that did not run never matches", async () => {
    const plan = planGrading(exercise, { seed: 4, visibility: "all" });
    const student = (await runPlanLocally(exercise.manifest, plan, adds)).realm!;
    const report = scoreGrading(plan, student);
    const failing = report.tests.filter((t) => !t.passed).map((t) => t.name);
    const notRun: MutantRun = { name: "adds", hint: hints.adds, realm: undefined };
    expect(diagnose({ plan, student, failing, mutants: [notRun] }).some((d) => d.mutant !== undefined)).toBe(false);
    // Results that differ on one failing test only: no match.
    const tweaked = { ...student, results: student.results.map((r, i) => (i === 0 && r.ok && r.value.t === "tensor" ? { ...r, value: { ...r.value, data: r.value.data.map((x) => x + 1) } } : r)) };
    expect(diagnose({ plan, student, failing, mutants: [{ name: "adds", hint: hints.adds, realm: tweaked as typeof student }] }).some((d) => d.mutant !== undefined)).toBe(false);
    expect(diagnose({ plan, student, failing: [], mutants: [{ name: "adds", hint: hints.adds, realm: student }] })).toEqual([]);
  });
});
