// A real grading report's feedback, stored through @course/db as the grader stores it, read back
// and shown in English and in Chinese: the path a zh-CN student's graded submission takes.
import { claimNextJob, completeJob, enqueueSubmission, getOwnSubmission } from "@course/db";
import { freshSqlite, seedFixture, type FreshDb, type Fixture } from "@course/db/testing";
import { runLocally } from "@course/exercise-kit";
import { loadExercise, loadTestNames } from "@course/exercises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toSubmissionView } from "./submission-view.ts";

const CJK = /[\u4e00-\u9fff]/;

describe("a graded submission's feedback, stored and shown in the viewer's language", () => {
  let f: FreshDb;
  let fx: Fixture;
  beforeEach(async () => {
    f = await freshSqlite();
    fx = await seedFixture(f.db);
  });
  afterEach(() => f.dispose());

  it("round-trips through the database and renders in zh-CN, English unchanged", async () => {
    const ex = await loadExercise("dense-forward");
    const mutant = ex.mutants.find((m) => m.name === "no-bias") ?? ex.mutants[0]!;
    const report = await runLocally(ex, mutant.source, { seed: 3 });
    expect(report.status).toBe("failed");

    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: mutant.source });
    const job = (await claimNextJob(f.db, "w1"))!;
    const stored = await completeJob(f.db, job.jobId, "w1", {
      status: report.status,
      score: report.score,
      maxScore: report.maxScore,
      seed: report.seed,
      tests: report.tests.map((t) => ({ name: t.name, passed: t.passed, points: t.points, maxPoints: t.maxPoints, message: t.message, feedback: t.feedback })),
    });
    expect(stored).toBe(true);

    const row = await getOwnSubmission(f.db, submission.id, fx.studentId);
    const scale = { points: 100, latePenalty: 0 };
    const en = toSubmissionView(row, scale);
    expect(en.tests.map((t) => [t.name, t.message])).toEqual(report.tests.map((t) => [t.name, t.message]));

    const testNames = await loadTestNames("dense-forward");
    const zh = toSubmissionView(row, scale, { locale: "zh-CN", testNames });
    expect(zh.tests.map((t) => t.name)).toEqual(report.tests.map((t) => testNames["zh-CN"][t.name]));
    expect(zh.tests.map((t) => t.passed)).toEqual(en.tests.map((t) => t.passed));
    for (const t of zh.tests) expect(t.message).toMatch(CJK);
    const failed = zh.tests.find((t) => !t.passed)!;
    expect(failed.message).toMatch(/个元素中有 \d+ 个超出容差/);
  });
});
