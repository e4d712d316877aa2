/**
 * Every mutant of every exercise, submitted as a student through the grader's own grading and
 * diagnosis (mutants run in the sandbox pool), gets its own hint; correct solutions get none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFeedback } from "@course/exercise-kit";
import { exerciseIds } from "@course/exercises";
import { loadBuiltin as loadExercise } from "./course/builtin.ts";
import { CourseSandbox } from "./course/runner.ts";
import { diagnoseSubmission } from "./diagnosis.ts";
import { cliDocument, gradeSubmission, type GradingEngine } from "./grading.ts";
import { SandboxPool } from "./sandbox/pool.ts";

let pool: SandboxPool;
let engine: GradingEngine;
beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 2 });
  engine = { pool, course: new CourseSandbox(pool, { wallMs: 10_000 }) };
  await pool.waitReady();
});
afterAll(async () => {
  await pool?.close();
});

const SEED = 20261206;

describe.each(exerciseIds.map((id) => [id]))("%s", (id) => {
  it("each mutant submitted as a student gets its own hint, in both languages", { timeout: 240_000 }, async () => {
    const ex = await loadExercise(id);
    const missed: string[] = [];
    for (const m of ex.mutants) {
      const outcome = await gradeSubmission(engine, ex, m.source, { seed: SEED });
      const diagnoses = await diagnoseSubmission(pool, ex, outcome);
      const own = diagnoses.find((d) => d.mutant === m.name);
      if (own === undefined) {
        missed.push(`${m.name} (${outcome.report.status}; got ${diagnoses.map((d) => d.key).join(", ") || "nothing"})`);
        continue;
      }
      expect(own.message).toBe(ex.hints[m.name]!.en);
      expect(renderFeedback(own.feedback, "zh-CN")).toBe(ex.hints[m.name]!["zh-CN"]);
      expect(own.tests.length).toBeGreaterThan(0);
      expect(cliDocument(outcome.report, diagnoses).diagnoses?.map((d) => d.key)).toContain(`mutant.${m.name}`);
    }
    expect(missed).toEqual([]);
  });
});

describe("correct solutions", () => {
  it.each(exerciseIds.map((id) => [id]))("%s: the solution and every alternative get no diagnosis (two seeds)", { timeout: 120_000 }, async (id) => {
    const ex = await loadExercise(id);
    for (const seed of [3, 99]) {
      for (const source of [ex.solution, ...ex.alternatives.map((a) => a.source)]) {
        const outcome = await gradeSubmission(engine, ex, source, { seed });
        expect(outcome.report.status).toBe("passed");
        expect(await diagnoseSubmission(pool, ex, outcome)).toEqual([]);
        expect(cliDocument(outcome.report, [])).not.toHaveProperty("diagnoses");
      }
    }
  });
});
