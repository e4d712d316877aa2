import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { providers } from "../testing/providers.ts";
import { seedFixture, type Fixture } from "../testing/fixture.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import { FAIR_TURN_MS, MAX_FEEDBACK_CHARS, claimJob, claimNextJob, completeJob, heartbeat, listRunnableJobs, queueDepth, recoverStaleJobs, releaseJob, unclaimJob } from "./jobs.ts";
import { enqueueSubmission, getOwnSubmission } from "./submissions.ts";

const grade = {
  status: "failed" as const,
  score: 5,
  maxScore: 10,
  seed: 42,
  tests: [
    { name: "shape", passed: true, points: 5, maxPoints: 5 },
    { name: "values", passed: false, points: 0, maxPoints: 5, message: "max abs error 0.3 at [0, 1]" },
  ],
  timings: { sandboxMs: 12 },
};

describe.each(providers())("grading queue on $name", ({ name, fresh }) => {
  let f: FreshDb;
  let fx: Fixture;
  beforeEach(async () => {
    f = await fresh();
    fx = await seedFixture(f.db);
  });
  afterEach(() => f.dispose());

  it("claims each job exactly once across concurrent workers", async () => {
    for (let i = 0; i < 3; i++) await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: `// ${i}` });
    const claims = await Promise.all(["w1", "w2", "w3", "w4", "w5"].map((w) => claimNextJob(f.db, w)));
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(3);
    expect(new Set(won.map((c) => c!.jobId)).size).toBe(3);
    expect(won[0]!.exerciseSlug).toBe("dense-forward");
    expect(await queueDepth(f.db)).toEqual({ queued: 0, running: 3 });
  });

  it.skipIf(name !== "postgresql")("skips a job another transaction holds instead of waiting for it", async () => {
    const first = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// 1" });
    const second = await enqueueSubmission(f.db, { userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: "// 2" });
    const holder = new pg.Client({ connectionString: f.config.url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT "id" FROM "GradingJob" WHERE "id" = $1 FOR UPDATE`, [first.job.id]);
      // Waiting for the held row would hang here until the test times out.
      expect((await claimNextJob(f.db, "w1"))?.jobId).toBe(second.job.id);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    expect((await claimNextJob(f.db, "w2"))?.jobId).toBe(first.job.id);
  });

  it("claims every job exactly once when workers of two processes drain the queue together", async () => {
    await f.db.assignment.update({ where: { id: fx.assignmentId }, data: { maxAttempts: null } });
    const other = createDb(f.config);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const { job } = await enqueueSubmission(f.db, { userId: i % 2 ? fx.studentId : fx.otherStudentId, assignmentId: fx.assignmentId, code: `// ${i}` });
        ids.push(job.id);
      }
      const drain = async (db: Db, worker: string) => {
        const got: string[] = [];
        for (let job = await claimNextJob(db, worker); job; job = await claimNextJob(db, worker)) got.push(job.jobId);
        return got;
      };
      const claimed = (await Promise.all([drain(f.db, "a1"), drain(f.db, "a2"), drain(other, "b1"), drain(other, "b2")])).flat();
      expect(claimed.sort()).toEqual([...ids].sort());
      expect(await queueDepth(f.db)).toEqual({ queued: 0, running: 12 });
    } finally {
      await other.$disconnect();
    }
  });

  it("claims a job with what the worker needs: its code, exercise, attempt and enqueue time", async () => {
    const t = new Date();
    const { submission, job } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "export const x = 1;", now: t });
    const claimed = await claimNextJob(f.db, "w1", new Date(t.getTime() + 5));
    expect(claimed).toEqual({
      jobId: job.id,
      submissionId: submission.id,
      attempt: 1,
      exerciseSlug: "dense-forward",
      exerciseVersionId: submission.exerciseVersionId,
      contentHash: (await f.db.exerciseVersion.findUniqueOrThrow({ where: { id: submission.exerciseVersionId } })).contentHash,
      code: "export const x = 1;",
      enqueuedAt: t,
    });
    const row = await f.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } });
    expect([row.status, row.claimedBy, row.attempts]).toEqual(["running", "w1", 1]);
    expect([row.claimedAt, row.startedAt, row.heartbeatAt]).toEqual([new Date(t.getTime() + 5), new Date(t.getTime() + 5), new Date(t.getTime() + 5)]);
  });

  it("lets exactly one of two workers claim a given job (the BullMQ path)", async () => {
    const { job } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x" });
    const claims = await Promise.all(["w1", "w2", "w3"].map((w) => claimJob(f.db, job.id, w)));
    expect(claims.filter((c) => c !== null).map((c) => c!.jobId)).toEqual([job.id]);
    expect(await claimJob(f.db, job.id, "w4")).toBeNull();
    expect(await claimJob(f.db, "no-such-job", "w4")).toBeNull();
  });

  it("writes a grade once, with results and a penalty-free score", async () => {
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x" });
    const job = await claimNextJob(f.db, "w1");
    expect(await completeJob(f.db, job!.jobId, "w1", grade)).toBe(true);
    expect(await completeJob(f.db, job!.jobId, "w1", grade)).toBe(false);
    const s = await getOwnSubmission(f.db, submission.id, fx.studentId);
    expect(s.gradingJob?.status).toBe("graded");
    expect(s.gradingJob?.outcome).toBe("failed");
    expect(s.gradingJob?.testResults.map((t) => t.name)).toEqual(["shape", "values"]);
    expect(s.score).toBe(50);
    await expect(getOwnSubmission(f.db, submission.id, fx.otherStudentId)).rejects.toThrow(DomainError);
  });

  it("stores the grader's timings with the time the job waited, and a grade without test results", async () => {
    const t = new Date();
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x", now: t });
    const job = await claimNextJob(f.db, "w1", new Date(t.getTime() + 1500));
    const compileError = { status: "compile_error" as const, score: 0, maxScore: 10, seed: "7", tests: [], timings: { compileMs: 4.5 }, error: "Expected \";\" (line 1)" };
    expect(await completeJob(f.db, job!.jobId, "w1", compileError, new Date(t.getTime() + 2000))).toBe(true);
    const s = await getOwnSubmission(f.db, submission.id, fx.studentId);
    expect(JSON.parse(s.gradingJob!.timings!)).toEqual({ compileMs: 4.5, queueMs: 1500 });
    expect([s.gradingJob!.outcome, s.gradingJob!.seed, s.gradingJob!.error, s.gradingJob!.testResults]).toEqual(["compile_error", "7", compileError.error, []]);
    expect(s.gradingJob!.finishedAt).toEqual(new Date(t.getTime() + 2000));
    expect([s.rawScore, s.maxScore, s.score]).toEqual([0, 100, 0]);
  });

  it("stores each test's structured feedback and the submission's, as JSON text beside the English", async () => {
    const feedback = [{ key: "compare.valuesHidden", params: { bad: 1, n: 6, index: [0, 1], maxAbs: "1e-1", maxRel: "1e0" }, label: "dx" }];
    const errorFeedback = [{ key: "sandbox.timeout", params: { detail: "time limit of 10000 ms exceeded" } }];
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x" });
    const job = await claimNextJob(f.db, "w1");
    const withFeedback = {
      ...grade,
      tests: [grade.tests[0]!, { ...grade.tests[1]!, feedback }],
      error: "Your code ran out of time (time limit of 10000 ms exceeded).",
      errorFeedback,
    };
    expect(await completeJob(f.db, job!.jobId, "w1", withFeedback)).toBe(true);
    const s = await getOwnSubmission(f.db, submission.id, fx.studentId);
    const [shape, values] = s.gradingJob!.testResults;
    expect(shape!.feedback).toBeNull();
    expect(values!.message).toBe(grade.tests[1]!.message);
    expect(JSON.parse(values!.feedback!)).toEqual(feedback);
    expect(JSON.parse(s.gradingJob!.errorFeedback!)).toEqual(errorFeedback);
  });

  it("refuses feedback that is not a list of catalogue messages, and oversized feedback", async () => {
    await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x" });
    const job = await claimNextJob(f.db, "w1");
    const bad = (feedback: unknown) => completeJob(f.db, job!.jobId, "w1", { ...grade, tests: [{ ...grade.tests[0]!, feedback: feedback as never }] });
    await expect(bad({ key: "compare.shape", params: {} })).rejects.toThrow();
    await expect(bad([{ params: {} }])).rejects.toThrow();
    await expect(bad([{ key: "untranslated", params: { text: "x".repeat(MAX_FEEDBACK_CHARS) } }])).rejects.toThrow();
    // Nothing was written: the job can still be graded.
    expect(await completeJob(f.db, job!.jobId, "w1", grade)).toBe(true);
  });

  it("rejects a grade from a worker that lost its claim", async () => {
    await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x" });
    const job = await claimNextJob(f.db, "w1");
    expect(await completeJob(f.db, job!.jobId, "w2", grade)).toBe(false);
    expect(await heartbeat(f.db, job!.jobId, "w2")).toBe(false);
    expect(await heartbeat(f.db, job!.jobId, "w1")).toBe(true);
  });

  it("requeues a job whose worker died, then fails it after maxAttempts", async () => {
    await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x", maxJobAttempts: 2 });
    let t = new Date();
    const first = await claimNextJob(f.db, "dead-1", t);
    t = new Date(t.getTime() + 60_000);
    expect((await recoverStaleJobs(f.db, 30_000, t)).requeued).toEqual([first!.jobId]);
    t = new Date(t.getTime() + 60_000);
    const second = await claimNextJob(f.db, "dead-2", t);
    expect(second?.jobId).toBe(first!.jobId);
    expect(second?.attempt).toBe(2);
    t = new Date(t.getTime() + 60_000);
    expect((await recoverStaleJobs(f.db, 30_000, t)).failed).toEqual([first!.jobId]);
    const row = await f.db.gradingJob.findUniqueOrThrow({ where: { id: first!.jobId } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/stopped responding.*gave up after 2 attempts/);
  });

  it("lists runnable jobs oldest first and takes back an unclaimed job without spending an attempt", async () => {
    const t = new Date();
    const first = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "a", now: t });
    const second = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "b", now: new Date(t.getTime() + 1) });
    const later = new Date(t.getTime() + 10);
    expect((await listRunnableJobs(f.db, later)).map((r) => r.id)).toEqual([first.job.id, second.job.id]);
    const job = await claimNextJob(f.db, "w1", later);
    expect(job?.jobId).toBe(first.job.id);
    expect(await unclaimJob(f.db, job!.jobId, "w2")).toBe(false);
    expect(await unclaimJob(f.db, job!.jobId, "w1")).toBe(true);
    const row = await f.db.gradingJob.findUniqueOrThrow({ where: { id: job!.jobId } });
    expect([row.status, row.attempts, row.claimedBy]).toEqual(["queued", 0, null]);
  });

  it("is fair between students: one student's 200 waiting submissions do not starve the others", async () => {
    await f.db.assignment.update({ where: { id: fx.assignmentId }, data: { maxAttempts: null } });
    const late = await f.db.user.create({ data: { email: "c@example.com", name: "c", passwordHash: "x" } });
    await f.db.enrollment.create({ data: { userId: late.id, courseId: fx.courseId, role: "student" } });
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const hog: string[] = [];
    for (let i = 0; i < 200; i++) hog.push((await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: `// ${i}`, now: at(i) })).job.id);
    // Right after the burst, and a minute later (the virtual clock does not follow the wall clock).
    const other = (await enqueueSubmission(f.db, { userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: "b", now: at(200) })).job.id;
    const later = (await enqueueSubmission(f.db, { userId: late.id, assignmentId: fx.assignmentId, code: "c", now: at(60_000) })).job.id;
    const claimAt = at(70_000);
    const listed = (await listRunnableJobs(f.db, claimAt, 3)).map((r) => r.id);
    expect(listed.sort()).toEqual([hog[0], other, later].sort());
    const order: string[] = [];
    for (let i = 0; i < 10; i++) order.push((await claimNextJob(f.db, "w1", claimAt))!.jobId);
    expect(order.indexOf(other)).toBeLessThanOrEqual(2);
    expect(order.indexOf(later)).toBeLessThanOrEqual(2);
    // The hog's own jobs keep their order.
    expect(order.filter((id) => hog.includes(id))).toEqual(hog.slice(0, 8));
  }, 120_000);

  it("places a student's next submission at once when their earlier ones are done", async () => {
    const t0 = new Date();
    const first = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "a", now: t0 });
    const waiting = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "b", now: new Date(t0.getTime() + 10) });
    expect(waiting.job.fairAt.getTime()).toBe(t0.getTime() + FAIR_TURN_MS);
    for (const id of [first.job.id, waiting.job.id]) {
      const job = await claimJob(f.db, id, "w1", new Date(t0.getTime() + 20));
      expect(await completeJob(f.db, job!.jobId, "w1", grade)).toBe(true);
    }
    const after = new Date(t0.getTime() + 30);
    const next = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "c", now: after });
    expect(next.job.fairAt).toEqual(after);
  });

  it("releases a job after an infrastructure error and backs off", async () => {
    await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x" });
    const now = new Date();
    const job = await claimNextJob(f.db, "w1", now);
    expect(await releaseJob(f.db, job!.jobId, "w1", "sandbox crashed", now)).toBe("requeued");
    expect(await claimNextJob(f.db, "w1", now)).toBeNull();
    expect(await claimNextJob(f.db, "w1", new Date(now.getTime() + 10_000))).not.toBeNull();
  });
});

describe.each(providers())("submissions on $name", ({ fresh }) => {
  let f: FreshDb;
  afterEach(() => f.dispose());

  it("enforces attempts, enrollment and the deadline, and applies the late penalty", async () => {
    f = await fresh();
    const now = new Date();
    const fx = await seedFixture(f.db, {
      maxAttempts: 1,
      dueAt: new Date(now.getTime() - 1000),
      lateDueAt: new Date(now.getTime() + 60_000),
      latePenalty: 0.2,
    });
    const outsider = await f.db.user.create({ data: { email: "o@example.com", name: "o", passwordHash: "x" } });
    await expect(enqueueSubmission(f.db, { userId: outsider.id, assignmentId: fx.assignmentId, code: "x" })).rejects.toMatchObject({ code: "not_enrolled" });
    await expect(enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x".repeat(100_001) })).rejects.toMatchObject({ code: "too_large" });
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x", now });
    expect(submission.isLate).toBe(true);
    await expect(enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "y", now })).rejects.toMatchObject({ code: "attempts_exhausted" });
    const job = await claimNextJob(f.db, "w");
    await completeJob(f.db, job!.jobId, "w", { ...grade, status: "passed", score: 10, maxScore: 10 });
    expect((await f.db.submission.findUniqueOrThrow({ where: { id: submission.id } })).score).toBe(80);
    await expect(
      enqueueSubmission(f.db, { userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: "x", now: new Date(now.getTime() + 120_000) }),
    ).rejects.toMatchObject({ code: "closed" });
  });

  it("keeps the submitted code as the student's draft only when asked, and answers with the queued view", async () => {
    f = await fresh();
    const fx = await seedFixture(f.db, { maxAttempts: null });
    const key = { userId_assignmentId: { userId: fx.studentId, assignmentId: fx.assignmentId } };
    const plain = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// first" });
    expect(plain.draftSavedAt).toBeNull();
    expect(await f.db.draft.findUnique({ where: key })).toBeNull();
    expect(plain.stored.gradingJob).toMatchObject({ status: "queued", testResults: [] });
    expect(plain.stored.exerciseVersion.version).toBeGreaterThan(0);

    await f.db.draft.create({ data: { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// older draft" } });
    const saved = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// second", saveAsDraft: true });
    const draft = await f.db.draft.findUniqueOrThrow({ where: key });
    expect(draft.code).toBe("// second");
    expect(saved.draftSavedAt?.getTime()).toBe(draft.updatedAt.getTime());
    // A refused submission saves nothing.
    await expect(enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// second", saveAsDraft: true })).rejects.toMatchObject({ code: "duplicate" });
    await expect(enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x".repeat(100_001), saveAsDraft: true })).rejects.toMatchObject({ code: "too_large" });
    expect((await f.db.draft.findUniqueOrThrow({ where: key })).code).toBe("// second");
  });
});
