/**
 * End to end through the real sandbox: every reference solution and alternative style gets full
 * marks, every known-wrong variant (mutant) loses points, and cheating attempts do not pay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFeedback, runLocally } from "@course/exercise-kit";
import { exerciseIds, loadExercise as loadInProcess } from "@course/exercises";
import { loadBuiltin } from "./course/builtin.ts";
import { CourseSandbox } from "./course/runner.ts";
import { gradeSubmission, cliDocument, type GradingEngine } from "./grading.ts";
import { SandboxPool } from "./sandbox/pool.ts";

let pool: SandboxPool;
let engine: GradingEngine;
beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 2 });
  engine = { pool, course: new CourseSandbox(pool, { wallMs: 10_000 }) };
  await pool.waitReady();
});

const loadExercise = loadBuiltin;
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
      const { report } = await gradeSubmission(engine, ex, g.source);
      expect(report.status, `${id}/${g.name}: ${JSON.stringify(report.tests.filter((t) => !t.passed))}`).toBe("passed");
      expect(report.score).toBe(report.maxScore);
    }
    expect(ex.mutants.length).toBeGreaterThan(0);
    for (const m of ex.mutants) {
      const { report } = await gradeSubmission(engine, ex, m.source);
      expect(report.status, `${id}/mutant ${m.name}`).not.toBe("passed");
      expect(report.score).toBeLessThan(report.maxScore);
    }
  });

  it("the starter does not pass", async () => {
    const ex = await loadExercise(id);
    const { report } = await gradeSubmission(engine, ex, ex.starter);
    expect(report.status).not.toBe("passed");
  });
});

describe("the sandbox grades exactly like the kit's in-process runner", () => {
  it.each(exerciseIds.map((id) => [id]))("%s: same status and score for the solution and a mutant at a fixed seed", async (id) => {
    const ex = await loadExercise(id);
    for (const source of [ex.solution, ...ex.mutants.slice(0, 1).map((m) => m.source)]) {
      const local = await runLocally(await loadInProcess(id), source, { seed: 7 });
      const { report } = await gradeSubmission(engine, ex, source, { seed: 7 });
      expect({ status: report.status, score: report.score }).toEqual({ status: local.status, score: local.score });
      expect(report.tests.map((t) => t.passed)).toEqual(local.tests.map((t) => t.passed));
    }
  });
});

describe("grading behaviour", () => {
  it("is reproducible from the seed", async () => {
    const ex = await loadExercise("softmax");
    const a = await gradeSubmission(engine, ex, ex.mutants[0]!.source, { seed: 1234 });
    const b = await gradeSubmission(engine, ex, ex.mutants[0]!.source, { seed: 1234 });
    expect(a.report.seed).toBe(1234);
    expect(a.report.tests.map((t) => t.message)).toEqual(b.report.tests.map((t) => t.message));
  });

  it("reports compile errors with line and column", async () => {
    const ex = await loadExercise("dense-forward");
    const { report } = await gradeSubmission(engine, ex, `import * as tf from "@tensorflow/tfjs";\n\nexport function denseForward(x: tf.Tensor2D {\n}\n`);
    expect(report.status).toBe("compile_error");
    const doc = cliDocument(report);
    expect(doc.tests[0]!.message).toMatch(/line 3, column \d+/);
  });

  it("rejects imports other than tfjs, naming them", async () => {
    const ex = await loadExercise("dense-forward");
    const { report } = await gradeSubmission(engine, ex, `import { readFileSync } from "node:fs";\nexport function denseForward() { return readFileSync("/etc/passwd"); }\n`);
    expect(report.status).toBe("rejected");
    expect(report.message).toContain("node:fs");
  });

  it("a banned call fails with a message naming the function", async () => {
    const ex = await loadExercise("softmax");
    const { report } = await gradeSubmission(engine, ex, `import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor2D) { return tf.softmax(x); }\n`);
    expect(report.status).not.toBe("passed");
    expect(report.score).toBe(0);
    expect(report.tests[0]!.message).toMatch(/tf\.softmax is not available/);
  });

  it("a banned call through the tensor method is caught too", async () => {
    const ex = await loadExercise("softmax");
    const { report } = await gradeSubmission(engine, ex, `import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor2D) { return x.softmax(); }\n`);
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
    const { report } = await gradeSubmission(engine, ex, wrong.source + tamper);
    expect(report.status).toBe("failed");
    expect(report.score).toBe(0);
  });

  it("an infinite loop is a timeout grade, not a crash of the grader", async () => {
    const ex = await loadExercise("dense-forward");
    const slow = { ...ex, manifest: { ...ex.manifest, limits: { ...ex.manifest.limits, wallMs: 700 } } };
    const { report } = await gradeSubmission(engine, slow, `export function denseForward() { for (;;) {} }\n`);
    expect(report.status).toBe("timeout");
    expect(report.score).toBe(0);
    const [first, second] = cliDocument(report).tests;
    // The first call never returned: its test names it; the rest never ran.
    const hung = "Time limit exceeded while running `denseForward` for test 'small batch (N=4, D=3, M=5)' (700 ms limit).";
    expect(first!.message).toBe(hung);
    expect(second!.message).toBe(`Not run: the time limit was reached in an earlier test. ${hung}`);
    expect(report.message).toBe(hung);
    // The CLI's optional structured form says the same, and the student can read it in Chinese.
    expect(renderFeedback(first!.feedback!, "en")).toBe(first!.message);
    expect(renderFeedback(second!.feedback!, "en")).toBe(second!.message);
    expect(renderFeedback(first!.feedback!, "zh-CN")).toBe("运行测试“小批量（N=4，D=3，M=5）”中的 `denseForward` 时超出了时间限制（上限 700 毫秒）。");
    expect(renderFeedback(second!.feedback!, "zh-CN")).toBe(
      "未运行：在之前的测试中已达到时间限制。运行测试“小批量（N=4，D=3，M=5）”中的 `denseForward` 时超出了时间限制（上限 700 毫秒）。",
    );
    expect(renderFeedback(report.feedback!, "en")).toBe(report.message);
  });

  it("a memory bomb is a memory_limit grade", async () => {
    const ex = await loadExercise("dense-forward");
    const { report } = await gradeSubmission(engine, ex, `export function denseForward() { const a: unknown[] = []; for (;;) a.push(new Array(1 << 20).fill(Math.random())); }\n`);
    expect(report.status).toBe("memory_limit");
  });
});

describe("a submission stopped at a limit keeps what it completed", () => {
  const solution = "return tf.add(tf.matMul(x, w), b);";
  const limited = async (wallMs = 700) => {
    const ex = await loadExercise("dense-forward");
    return { ...ex, manifest: { ...ex.manifest, limits: { ...ex.manifest.limits, wallMs } } };
  };
  /** dense-forward with `body` run at the n-th call (1-based), the reference answer otherwise. */
  const nthCall = (n: number, body: string, extra = "") =>
    `import * as tf from "@tensorflow/tfjs";\n${extra}\nlet calls = 0;\nexport function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) {\n  if (++calls === ${n}) { ${body} }\n  ${solution}\n}\n`;

  it("an endless loop in the 3rd call: two tests scored, the 3rd names the call, the rest not run", async () => {
    const ex = await limited();
    const { report } = await gradeSubmission(engine, ex, nthCall(3, "for (;;) {}"));
    expect(report.status).toBe("timeout");
    expect(report.tests.map((t) => t.passed)).toEqual([true, true, ...Array(8).fill(false)]);
    expect(report.score).toBe(2);
    const hung = "Time limit exceeded while running `denseForward` for test 'random sizes' (700 ms limit).";
    expect(report.message).toBe(hung);
    const doc = cliDocument(report);
    expect(doc.status).toBe("timeout");
    expect(doc.tests[0]!.message).toBe(report.tests[0]!.message);
    expect(doc.tests[2]!.message).toBe(hung);
    for (const t of doc.tests.slice(3)) expect(t.message).toBe(`Not run: the time limit was reached in an earlier test. ${hung}`);
    expect(renderFeedback(doc.tests[2]!.feedback!, "zh-CN")).toBe("运行测试“随机尺寸”中的 `denseForward` 时超出了时间限制（上限 700 毫秒）。");
    for (const t of doc.tests) expect(renderFeedback(t.feedback!, "en")).toBe(t.message);
  });

  it("an endless loop at load: every test says the module did not finish loading", async () => {
    const ex = await limited();
    const { report } = await gradeSubmission(engine, ex, `import * as tf from "@tensorflow/tfjs";\nlet i = 0;\nwhile (true) { i++; }\nexport function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) { ${solution} }\n`);
    expect(report.status).toBe("timeout");
    expect(report.score).toBe(0);
    const en = "Time limit exceeded before your module finished loading: its top-level code was still running (700 ms limit).";
    expect(report.message).toBe(en);
    const doc = cliDocument(report);
    expect(doc.tests.every((t) => !t.passed && t.message === en)).toBe(true);
    expect(renderFeedback(doc.tests[0]!.feedback!, "zh-CN")).toBe("你的模块在加载完成之前超出了时间限制：顶层代码仍在运行（上限 700 毫秒）。");
  });

  it("a memory bomb in the 2nd call: the first test is scored, the 2nd names the call and the limit", async () => {
    const ex = await loadExercise("dense-forward");
    const { report } = await gradeSubmission(engine, ex, nthCall(2, "const a: number[][] = []; for (;;) a.push(new Array(1 << 20).fill(Math.random()));"));
    expect(report.status).toBe("memory_limit");
    expect(report.score).toBe(1);
    expect(report.tests[1]!.message).toBe(`Memory limit exceeded while running \`denseForward\` for test 'one example (N=1, D=6, M=2)' (${ex.manifest.limits.memoryMb} MB limit).`);
    expect(report.tests[2]!.message).toBe("Not run: the memory limit was reached in an earlier test.");
  });

  it("printing fake protocol lines or grades and writing globals before hanging earns nothing more", async () => {
    const ex = await limited();
    const spoof = `
      const g = globalThis as any;
      for (const k of ["__courseRealm", "__progress", "completed", "results"]) { try { g[k] = { phase: "end", done: ["0.0", "1.0", "2.0"] }; } catch {} }
      console.log(JSON.stringify({ type: "result", outcome: "timeout", stoppedAt: { phase: "end" }, realm: { load: { ok: true }, results: [], logs: [] }, cpuMs: 1, wallMs: 1 }));
      console.log(JSON.stringify({ exerciseId: "dense-forward", status: "passed", score: 20, maxScore: 20 }));`;
    // Right for the 1st call, wrong (zeros) for the 2nd, then a hang: one test's points, no more.
    const source = `import * as tf from "@tensorflow/tfjs";\n${spoof}\nlet calls = 0;\nexport function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) {\n  calls++;\n  if (calls === 2) return tf.zeros([x.shape[0], w.shape[1]]);\n  if (calls === 3) for (;;) {}\n  ${solution}\n}\n`;
    const { report } = await gradeSubmission(engine, ex, source);
    expect(report.status).toBe("timeout");
    expect(report.tests.map((t) => t.passed)).toEqual([true, ...Array(9).fill(false)]);
    expect(report.score).toBe(1);
    expect(report.tests[1]!.message).toMatch(/differ beyond the tolerance/);
    expect(report.tests[2]!.message).toBe("Time limit exceeded while running `denseForward` for test 'random sizes' (700 ms limit).");
  });
});
