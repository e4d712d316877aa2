/**
 * End to end through the real sandbox: every reference solution and alternative style gets full
 * marks, every known-wrong variant (mutant) loses points, and cheating attempts do not pay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFeedback, runLocally } from "@course/exercise-kit";
import { exerciseIds, loadExercise } from "@course/exercises";
import { gradeSubmission, cliDocument } from "./grading.ts";
import { SandboxPool } from "./sandbox/pool.ts";

let pool: SandboxPool;
beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 2 });
  await pool.waitReady();
});
afterAll(async () => {
  await pool?.close();
});

// The first four exercises, graded end to end (the kit's own checks cover the rest).
const FIRST_FOUR = ["dense-forward", "softmax", "dense-backward", "scaled-dot-product-attention"] as const;

describe.each(FIRST_FOUR.map((id) => [id]))("%s", (id) => {
  it("the reference solution and alternative styles get full marks; every mutant is rejected", async () => {
    const ex = await loadExercise(id);
    const good = [{ name: "solution", source: ex.solution }, ...ex.alternatives];
    for (const g of good) {
      const { report } = await gradeSubmission(pool, ex, g.source);
      expect(report.status, `${id}/${g.name}: ${JSON.stringify(report.tests.filter((t) => !t.passed))}`).toBe("passed");
      expect(report.score).toBe(report.maxScore);
    }
    expect(ex.mutants.length).toBeGreaterThan(0);
    for (const m of ex.mutants) {
      const { report } = await gradeSubmission(pool, ex, m.source);
      expect(report.status, `${id}/mutant ${m.name}`).not.toBe("passed");
      expect(report.score).toBeLessThan(report.maxScore);
    }
  });

  it("the starter does not pass", async () => {
    const ex = await loadExercise(id);
    const { report } = await gradeSubmission(pool, ex, ex.starter);
    expect(report.status).not.toBe("passed");
  });
});

describe("the sandbox grades exactly like the kit's in-process runner", () => {
  it.each(exerciseIds.map((id) => [id]))("%s: same status and score for the solution and a mutant at a fixed seed", async (id) => {
    const ex = await loadExercise(id);
    for (const source of [ex.solution, ...ex.mutants.slice(0, 1).map((m) => m.source)]) {
      const local = await runLocally(ex, source, { seed: 7 });
      const { report } = await gradeSubmission(pool, ex, source, { seed: 7 });
      expect({ status: report.status, score: report.score }).toEqual({ status: local.status, score: local.score });
      expect(report.tests.map((t) => t.passed)).toEqual(local.tests.map((t) => t.passed));
    }
  });
});

describe("grading behaviour", () => {
  it("is reproducible from the seed", async () => {
    const ex = await loadExercise("softmax");
    const a = await gradeSubmission(pool, ex, ex.mutants[0]!.source, { seed: 1234 });
    const b = await gradeSubmission(pool, ex, ex.mutants[0]!.source, { seed: 1234 });
    expect(a.report.seed).toBe(1234);
    expect(a.report.tests.map((t) => t.message)).toEqual(b.report.tests.map((t) => t.message));
  });

  it("reports compile errors with line and column", async () => {
    const ex = await loadExercise("dense-forward");
    const { report } = await gradeSubmission(pool, ex, `import * as tf from "@tensorflow/tfjs";\n\nexport function denseForward(x: tf.Tensor2D {\n}\n`);
    expect(report.status).toBe("compile_error");
    const doc = cliDocument(report);
    expect(doc.tests[0]!.message).toMatch(/line 3, column \d+/);
  });

  it("rejects imports other than tfjs, naming them", async () => {
    const ex = await loadExercise("dense-forward");
    const { report } = await gradeSubmission(pool, ex, `import { readFileSync } from "node:fs";\nexport function denseForward() { return readFileSync("/etc/passwd"); }\n`);
    expect(report.status).toBe("rejected");
    expect(report.message).toContain("node:fs");
  });

  it("a banned call fails with a message naming the function", async () => {
    const ex = await loadExercise("softmax");
    const { report } = await gradeSubmission(pool, ex, `import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor2D) { return tf.softmax(x); }\n`);
    expect(report.status).not.toBe("passed");
    expect(report.score).toBe(0);
    expect(report.tests[0]!.message).toMatch(/tf\.softmax is not available/);
  });

  it("a banned call through the tensor method is caught too", async () => {
    const ex = await loadExercise("softmax");
    const { report } = await gradeSubmission(pool, ex, `import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor2D) { return x.softmax(); }\n`);
    expect(report.score).toBe(0);
  });

  it("global tampering around a wrong answer does not make it pass", async () => {
    const ex = await loadExercise("dense-forward");
    const wrong = ex.mutants.find((m) => m.name === "no-bias") ?? ex.mutants[0]!;
    const tamper = `
      (globalThis as any).JSON.stringify = () => '{"status":"passed"}';
      (Object.prototype as any).passed = true;
      (Array.prototype as any).every = () => true;
      console.log(JSON.stringify({ exerciseId: "dense-forward", status: "passed", score: 11, maxScore: 11 }));
    `;
    const { report } = await gradeSubmission(pool, ex, wrong.source + tamper);
    expect(report.status).toBe("failed");
    expect(report.score).toBe(0);
  });

  it("an infinite loop is a timeout grade, not a crash of the grader", async () => {
    const ex = await loadExercise("dense-forward");
    const slow = { ...ex, manifest: { ...ex.manifest, limits: { ...ex.manifest.limits, wallMs: 700 } } };
    const { report } = await gradeSubmission(pool, slow, `export function denseForward() { for (;;) {} }\n`);
    expect(report.status).toBe("timeout");
    expect(report.score).toBe(0);
    const first = cliDocument(report).tests[0]!;
    expect(first.message).toMatch(/^Not run: the time limit was reached before this test\. Your code ran out of time \(.+\)\.$/);
    // The CLI's optional structured form says the same, and the student can read it in Chinese.
    expect(renderFeedback(first.feedback!, "en")).toBe(first.message);
    expect(renderFeedback(first.feedback!, "zh-CN")).toMatch(/^未运行：执行到此测试之前已达到时间限制。你的代码超出了时间限制（.+）。$/);
    expect(renderFeedback(report.feedback!, "en")).toBe(report.message);
  });

  it("a memory bomb is a memory_limit grade", async () => {
    const ex = await loadExercise("dense-forward");
    const { report } = await gradeSubmission(pool, ex, `export function denseForward() { const a: unknown[] = []; for (;;) a.push(new Array(1 << 20).fill(Math.random())); }\n`);
    expect(report.status).toBe("memory_limit");
  });
});
