import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { providers } from "../testing/providers.ts";
import { seedFixture, type Fixture } from "../testing/fixture.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import { courseDiagnosisCounts, diagnosisCounts, parseStoredDiagnoses, storeDiagnoses, type StoredDiagnosis } from "./diagnoses.ts";
import { claimJob, completeJob } from "./jobs.ts";
import { enqueueSubmission, getOwnSubmission } from "./submissions.ts";

const grade = { status: "failed" as const, score: 0, maxScore: 10, seed: 1, tests: [{ name: "values", passed: false, points: 0, maxPoints: 10, message: "wrong" }] };
const noBias: StoredDiagnosis = {
  key: "mutant.no-bias",
  message: "Your output leaves out the bias.",
  feedback: [{ key: "diagnosis.hint", params: { mutant: "no-bias", en: "Your output leaves out the bias.", "zh-CN": "你的输出漏掉了偏置。" } }],
  tests: ["values"],
  mutant: "no-bias",
};
const scaled: StoredDiagnosis = { key: "diagnosis.scaled", message: "x2", feedback: [{ key: "diagnosis.scaled", params: { factor: { kind: "two" } } }], tests: ["values"] };

describe.each(providers())("diagnoses on $name", ({ fresh }) => {
  let f: FreshDb;
  let fx: Fixture;
  beforeEach(async () => {
    f = await fresh();
    fx = await seedFixture(f.db);
  });
  afterEach(() => f.dispose());

  let attempt = 0;
  async function graded(userId: string): Promise<{ jobId: string; submissionId: string }> {
    // Each attempt's code differs: an identical resubmission is not stored (attempts.ts).
    const { submission, job } = await enqueueSubmission(f.db, { userId, assignmentId: fx.assignmentId, code: `// x${++attempt}` });
    await claimJob(f.db, job.id, "w1");
    expect(await completeJob(f.db, job.id, "w1", grade)).toBe(true);
    return { jobId: job.id, submissionId: submission.id };
  }

  it("stores a graded job's diagnoses once, after the grade, and reads them back with the submission", async () => {
    const { jobId, submissionId } = await graded(fx.studentId);
    expect((await getOwnSubmission(f.db, submissionId, fx.studentId)).gradingJob?.diagnoses).toBeNull();
    expect(await storeDiagnoses(f.db, jobId, [noBias])).toBe(true);
    expect(await storeDiagnoses(f.db, jobId, [scaled])).toBe(false);
    const stored = (await getOwnSubmission(f.db, submissionId, fx.studentId)).gradingJob?.diagnoses;
    expect(parseStoredDiagnoses(stored)).toEqual([noBias]);
    expect(parseStoredDiagnoses("not json")).toBeUndefined();
    expect(parseStoredDiagnoses(null)).toBeUndefined();
  });

  it("refuses a job that is not graded, and malformed diagnoses", async () => {
    const { job } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// y" });
    expect(await storeDiagnoses(f.db, job.id, [noBias])).toBe(false);
    await expect(storeDiagnoses(f.db, job.id, [{ ...noBias, key: "" }])).rejects.toThrow();
  });

  it("counts how often each diagnosis fired on an assignment, per submission and per student", async () => {
    const a = await graded(fx.studentId);
    const b = await graded(fx.studentId);
    await storeDiagnoses(f.db, a.jobId, [noBias]);
    await storeDiagnoses(f.db, b.jobId, [noBias, scaled]);
    await graded(fx.studentId); // not diagnosed yet: not counted
    const r = await diagnosisCounts(f.db, fx.assignmentId);
    expect(r.diagnosed).toBe(2);
    expect(r.counts.map((c) => [c.key, c.submissions, c.students])).toEqual([
      ["mutant.no-bias", 2, 1],
      ["diagnosis.scaled", 1, 1],
    ]);
    expect(r.counts[0]!.example).toEqual(noBias);
    const course = await courseDiagnosisCounts(f.db, fx.courseId);
    expect([...course.keys()]).toEqual([fx.assignmentId]);
    expect(course.get(fx.assignmentId)).toEqual(r);
  });
});
