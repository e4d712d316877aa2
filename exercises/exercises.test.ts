// End-to-end checks of every exercise through the same compile → restrict → execute → score path
// the grader uses (in-process here): solutions pass on several seeds, starters and mutants fail,
// alternative correct solutions get full marks.
import { compileSubmission, hasUntranslated, renderFeedback, runLocally, testNameProblems } from "@course/exercise-kit";
import { describe, expect, it } from "vitest";
import { exerciseIds, listExercises, loadExercise, loadTestNames } from "./index.ts";

const SEEDS = [11, 2024, 777_777];

describe("exercise index", () => {
  it("lists every exercise folder in lesson order", async () => {
    const list = await listExercises();
    expect(list.map((e) => e.id).sort()).toEqual([...exerciseIds].sort());
    const lessons = list.map((e) => e.lesson);
    expect(lessons).toEqual([...lessons].sort((a, b) => a - b));
  });

  it("rejects an unknown id", async () => {
    await expect(loadExercise("no-such-exercise")).rejects.toThrow(/unknown exercise/);
    await expect(loadTestNames("no-such-exercise")).rejects.toThrow(/unknown exercise/);
  });

  it("reads the translated case names on their own, as loadExercise does", async () => {
    const names = await loadTestNames("dense-forward");
    expect(names).toEqual((await loadExercise("dense-forward")).testNames);
    expect(names["zh-CN"]["zero input: the output is the bias"]).toBe("零输入：输出就是偏置");
  });
});

describe.each(exerciseIds)("%s", (id) => {
  it("has statements in both languages that name its exports", async () => {
    const ex = await loadExercise(id);
    for (const name of ex.manifest.exports) {
      expect(ex.statements.en).toContain(name);
      expect(ex.statements["zh-CN"]).toContain(name);
    }
    expect(ex.statements["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(ex.statements.en).toMatch(/\$/);
  });

  it.each(SEEDS)("solution gets full marks with seed %i", async (seed) => {
    const ex = await loadExercise(id);
    const r = await runLocally(ex, ex.solution, { seed });
    expect(r.tests.filter((t) => !t.passed)).toEqual([]);
    expect(r).toMatchObject({ status: "passed", seed });
    expect(r.score).toBe(r.maxScore);
  });

  it("names every test case in Chinese (tests.zh-CN.json)", async () => {
    const ex = await loadExercise(id);
    expect(testNameProblems(ex.testNames, ex.tests.cases.map((c) => c.name))).toEqual({ missing: [], unused: [] });
    for (const c of ex.tests.cases) expect(ex.testNames["zh-CN"][c.name]!.trim()).not.toBe("");
  });

  it("words its feedback in both languages (mutants' failures included)", async () => {
    const ex = await loadExercise(id);
    for (const source of [ex.starter, ...ex.mutants.map((m) => m.source)]) {
      const r = await runLocally(ex, source, { seed: SEEDS[0]!, visibility: "all" });
      for (const t of r.tests) {
        expect(renderFeedback(t.feedback!, "en")).toBe(t.message);
        expect(hasUntranslated(t.feedback), t.message).toBe(false);
      }
    }
  });

  it("starter compiles and fails the hidden tests", async () => {
    const ex = await loadExercise(id);
    expect((await compileSubmission(ex.starter)).ok).toBe(true);
    const r = await runLocally(ex, ex.starter, { seed: SEEDS[0]!, visibility: "hidden" });
    expect(r.status).not.toBe("passed");
    expect(r.score).toBeLessThan(r.maxScore);
  });

  it("every mutant is rejected by the hidden tests", async () => {
    const ex = await loadExercise(id);
    expect(ex.mutants.length).toBeGreaterThanOrEqual(4);
    const survivors: string[] = [];
    for (const m of ex.mutants) {
      for (const seed of SEEDS.slice(0, 2)) {
        const r = await runLocally(ex, m.source, { seed, visibility: "hidden" });
        if (r.status === "passed") survivors.push(`${m.name} (seed ${seed})`);
      }
    }
    expect(survivors).toEqual([]);
  });

  it("alternative correct solutions get full marks", async () => {
    const ex = await loadExercise(id);
    for (const alt of ex.alternatives) {
      const r = await runLocally(ex, alt.source, { seed: SEEDS[1]! });
      expect({ alt: alt.name, failed: r.tests.filter((t) => !t.passed) }).toEqual({ alt: alt.name, failed: [] });
    }
  });

  it("same seed gives the same report", async () => {
    const ex = await loadExercise(id);
    const strip = ({ durationMs: _d, ...rest }: { durationMs: number }) => rest;
    const a = await runLocally(ex, ex.starter, { seed: 5 });
    const b = await runLocally(ex, ex.starter, { seed: 5 });
    expect(strip(b)).toEqual(strip(a));
  });
});
