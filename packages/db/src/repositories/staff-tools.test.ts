import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DuplicateSubmissionError } from "../errors.ts";
import { providers } from "../testing/providers.ts";
import { seedFixture, type Fixture } from "../testing/fixture.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import { aggregateAnalytics, assignmentAnalytics, failurePattern } from "./analytics.ts";
import { AssignmentSettingsSchema, createAssignment, deleteAssignment, updateAssignment } from "./assignments.ts";
import { publishExerciseVersion } from "./exercises.ts";
import { removeExtension, upsertExtension } from "./extensions.ts";
import { claimNextJob, completeJob, releaseJob } from "./jobs.ts";
import { regradeProgress, startRegrade } from "./regrade.ts";
import { gradebookCells, getStaffSubmission } from "./staff-submissions.ts";
import { enqueueSubmission } from "./submissions.ts";

const grade = (score: number, message = "max abs error 0.3 at [0, 1]") => ({
  status: score === 10 ? ("passed" as const) : ("failed" as const),
  score,
  maxScore: 10,
  seed: 7,
  tests: [
    { name: "shape", passed: true, points: 5, maxPoints: 5 },
    { name: "values", passed: score === 10, points: score - 5, maxPoints: 5, ...(score === 10 ? {} : { message }) },
  ],
  timings: { sandboxMs: 3 },
});

describe.each(providers())("staff tools on $name", ({ fresh }) => {
  let f: FreshDb;
  let fx: Fixture;
  let instructorId: string;
  beforeEach(async () => {
    f = await fresh();
    fx = await seedFixture(f.db);
    const instructor = await f.db.user.create({ data: { email: "i@example.com", name: "Instructor", passwordHash: "x" } });
    await f.db.enrollment.create({ data: { userId: instructor.id, courseId: fx.courseId, role: "instructor" } });
    instructorId = instructor.id;
  });
  afterEach(() => f.dispose());

  const submit = (code: string, userId = fx.studentId, now?: Date) => enqueueSubmission(f.db, { userId, assignmentId: fx.assignmentId, code, ...(now ? { now } : {}) });
  async function gradeNext(score: number, message?: string) {
    const job = await claimNextJob(f.db, "w");
    expect(job).not.toBeNull();
    expect(await completeJob(f.db, job!.jobId, "w", grade(score, message))).toBe(true);
    return job!;
  }
  async function newVersion(hash: string) {
    const current = await f.db.exerciseVersion.findFirstOrThrow({ where: { exercise: { slug: fx.exerciseSlug } } });
    return (await publishExerciseVersion(f.db, { slug: fx.exerciseSlug, title: "Dense", contentHash: hash, manifest: JSON.parse(current.manifest), starterCode: current.starterCode, bundle: JSON.parse(current.bundle!) })).version;
  }

  it("grades against the pinned version when one is set, else the newest", async () => {
    const v1 = await f.db.exerciseVersion.findFirstOrThrow({ where: { exercise: { slug: fx.exerciseSlug } } });
    const v2 = await newVersion("v2");
    expect((await submit("// a")).submission.exerciseVersionId).toBe(v2.id);
    await updateAssignment(f.db, fx.assignmentId, instructorId, { exerciseVersionId: v1.id, latePenalty: 0, points: 100, scoringPolicy: "best", maxAttempts: 3 });
    const { submission } = await submit("// b");
    expect(submission.exerciseVersionId).toBe(v1.id);
    expect((await claimNextJob(f.db, "w"))?.exerciseVersionId).toBe(v2.id); // first job: its own version
    expect((await claimNextJob(f.db, "w"))?.exerciseVersionId).toBe(v1.id);
  });

  it("validates settings with clear messages and audits changes with before and after", async () => {
    const bad = AssignmentSettingsSchema.safeParse({ dueAt: "2026-01-10T00:00:00Z", lateDueAt: "2026-01-09T00:00:00Z", latePenalty: 1.5, points: 0, scoringPolicy: "worst", maxAttempts: 0 });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      latePenalty: "The late penalty is a fraction between 0 and 1.",
      points: "Points must be more than 0.",
      maxAttempts: "Allow at least one attempt, or leave empty for unlimited.",
    });
    expect(messages.scoringPolicy).toBeDefined();
    const order = AssignmentSettingsSchema.safeParse({ dueAt: "2026-01-10T00:00:00Z", lateDueAt: "2026-01-09T00:00:00Z", latePenalty: 0.5, points: 10, scoringPolicy: "last" });
    expect(order.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["lateDueAt", "The late due date must be after the due date."]]);
    expect(AssignmentSettingsSchema.safeParse({ opensAt: "not a date", latePenalty: 0, points: 1, scoringPolicy: "best" }).error?.issues[0]?.message).toBe("Enter a date and time.");

    await updateAssignment(f.db, fx.assignmentId, instructorId, { dueAt: "2026-03-01T12:00:00+08:00", lateDueAt: "2026-03-02T12:00:00+08:00", latePenalty: 0.25, points: 50, scoringPolicy: "last", maxAttempts: "" });
    const a = await f.db.assignment.findUniqueOrThrow({ where: { id: fx.assignmentId } });
    expect([a.dueAt?.toISOString(), a.latePenalty, a.points, a.scoringPolicy, a.maxAttempts]).toEqual(["2026-03-01T04:00:00.000Z", 0.25, 50, "last", null]);
    const audit = await f.db.auditLog.findFirstOrThrow({ where: { action: "assignment.update" } });
    expect(audit).toMatchObject({ actorId: instructorId, courseId: fx.courseId, entityId: fx.assignmentId });
    const data = JSON.parse(audit.data!);
    expect([data.before.maxAttempts, data.after.maxAttempts, data.after.scoringPolicy]).toEqual([3, null, "last"]);
  });

  it("creates an assignment, refuses a second one for the same exercise, and deletes only one without submissions", async () => {
    const exercise = await f.db.exercise.findFirstOrThrow();
    await expect(createAssignment(f.db, fx.courseId, instructorId, { exerciseId: exercise.id, latePenalty: 0, points: 10, scoringPolicy: "best" })).rejects.toMatchObject({ code: "conflict" });
    await submit("// a");
    await expect(deleteAssignment(f.db, fx.assignmentId, instructorId)).rejects.toMatchObject({ code: "conflict" });
    await f.db.submission.deleteMany();
    await deleteAssignment(f.db, fx.assignmentId, instructorId);
    const created = await createAssignment(f.db, fx.courseId, instructorId, { exerciseId: exercise.id, latePenalty: 0, points: 10, scoringPolicy: "best", maxAttempts: "2" });
    expect([created.position, created.maxAttempts]).toEqual([1, 2]);
    expect(await f.db.auditLog.count({ where: { action: { in: ["assignment.delete", "assignment.create"] } } })).toBe(2);
  });

  it("an extension lets one student submit after the due date, on time, with extra attempts", async () => {
    const now = new Date("2026-05-10T00:00:00Z");
    await f.db.assignment.update({ where: { id: fx.assignmentId }, data: { dueAt: new Date("2026-05-01T00:00:00Z"), maxAttempts: 1 } });
    await expect(submit("// late", fx.studentId, now)).rejects.toMatchObject({ code: "closed" });
    await expect(upsertExtension(f.db, fx.courseId, fx.assignmentId, instructorId, { userId: fx.studentId })).rejects.toThrow("An extension needs a new due date");
    await expect(upsertExtension(f.db, fx.courseId, fx.assignmentId, instructorId, { userId: instructorId, extraAttempts: 1 })).rejects.toMatchObject({ code: "not_found" });
    await upsertExtension(f.db, fx.courseId, fx.assignmentId, instructorId, { userId: fx.studentId, dueAt: "2026-05-12T00:00:00Z" });
    // Granting again edits the student's one extension (and the audit keeps what it was).
    const ext = await upsertExtension(f.db, fx.courseId, fx.assignmentId, instructorId, { userId: fx.studentId, dueAt: "2026-05-15T00:00:00Z", extraAttempts: 1, reason: "ill" });
    expect(await f.db.extension.count()).toBe(1);
    const edited = await f.db.auditLog.findFirstOrThrow({ where: { action: "extension.update" } });
    expect(JSON.parse(edited.data!)).toMatchObject({ before: { dueAt: "2026-05-12T00:00:00.000Z", extraAttempts: 0 }, after: { dueAt: "2026-05-15T00:00:00.000Z", extraAttempts: 1, reason: "ill" } });
    const first = await submit("// one", fx.studentId, now);
    expect(first.submission.isLate).toBe(false);
    await submit("// two", fx.studentId, now);
    await expect(submit("// three", fx.studentId, now)).rejects.toMatchObject({ code: "attempts_exhausted" });
    await expect(submit("// other", fx.otherStudentId, now)).rejects.toMatchObject({ code: "closed" });
    await removeExtension(f.db, fx.courseId, ext.id, instructorId);
    await expect(submit("// four", fx.studentId, now)).rejects.toMatchObject({ code: "closed" });
    expect((await f.db.auditLog.findMany({ where: { entityType: "Extension" } })).map((a) => a.action).sort()).toEqual(["extension.grant", "extension.remove", "extension.update"]);
  });

  it("an archived course takes no more submissions", async () => {
    await submit("// before");
    await f.db.course.update({ where: { id: fx.courseId }, data: { archivedAt: new Date() } });
    await expect(submit("// after")).rejects.toMatchObject({ code: "closed", message: expect.stringMatching(/archived/) });
  });

  it("does not charge an identical resubmission and names the attempt it matches", async () => {
    const { submission } = await submit("export const x = 1;\n");
    const repeat = submit("export const x = 1;  \r\n\r\n");
    await expect(repeat).rejects.toBeInstanceOf(DuplicateSubmissionError);
    await expect(repeat).rejects.toMatchObject({ code: "duplicate", match: { submissionId: submission.id, attemptNumber: 1 } });
    expect(await f.db.submission.count()).toBe(1);
    await submit("// b");
    await submit("// c");
    // All three attempts used: the repeat is still answered with its match, a new code is refused.
    await expect(submit("export const x = 1;")).rejects.toMatchObject({ code: "duplicate" });
    await expect(submit("// d")).rejects.toMatchObject({ code: "attempts_exhausted" });
  });

  it("never charges an infrastructure failure, and the same code may be sent again after one", async () => {
    await f.db.assignment.update({ where: { id: fx.assignmentId }, data: { maxAttempts: 1 } });
    const { job } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a", maxJobAttempts: 1 });
    await claimNextJob(f.db, "w");
    expect(await releaseJob(f.db, job.id, "w", "sandbox crashed")).toBe("failed");
    const again = await submit("// a");
    expect(again.submission.attemptNumber).toBe(2);
    await expect(submit("// b")).rejects.toMatchObject({ code: "attempts_exhausted" });
    const cells = await gradebookCells(f.db, fx.courseId);
    expect(cells.get(`${fx.studentId}\u0000${fx.assignmentId}`)).toMatchObject({ attempts: 1, submissions: 2, countingId: null, pending: true });
  });

  it("the gradebook counts the best or the last attempt by the assignment's policy", async () => {
    const a = await submit("// a");
    await gradeNext(10);
    const b = await submit("// b");
    await gradeNext(6);
    const key = `${fx.studentId}\u0000${fx.assignmentId}`;
    expect((await gradebookCells(f.db, fx.courseId)).get(key)).toMatchObject({ countingId: a.submission.id, score: 100, attempts: 2 });
    await f.db.assignment.update({ where: { id: fx.assignmentId }, data: { scoringPolicy: "last" } });
    expect((await gradebookCells(f.db, fx.courseId)).get(key)).toMatchObject({ countingId: b.submission.id, score: 60 });
    const viewer = await getStaffSubmission(f.db, fx.courseId, a.submission.id);
    expect([viewer.countingId, viewer.attempts.map((x) => x.attemptNumber)]).toEqual([b.submission.id, [1, 2]]);
    const otherCourse = await f.db.course.create({ data: { slug: "c2", title: "Other", description: "d" } });
    await expect(getStaffSubmission(f.db, otherCourse.id, a.submission.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("regrades against a new version: history keeps the old grade, the job is queued again and its new grade replaces the score", async () => {
    const now = new Date();
    await f.db.assignment.update({ where: { id: fx.assignmentId }, data: { dueAt: new Date(now.getTime() - 60_000), lateDueAt: new Date(now.getTime() + 60_000), latePenalty: 0.5 } });
    const late = await submit("// late");
    await gradeNext(6);
    const other = await submit("// other", fx.otherStudentId);
    await gradeNext(10);
    const waiting = await submit("// waiting", fx.otherStudentId); // still queued: left alone
    const v2 = await newVersion("v2");

    const run = await startRegrade(f.db, { courseId: fx.courseId, assignmentId: fx.assignmentId, actorId: instructorId, exerciseVersionId: v2.id });
    expect(run.total).toBe(2);
    expect(await regradeProgress(f.db, run.id)).toMatchObject({ total: 2, done: 0, percent: 0, finished: false, version: 2 });
    const reset = await f.db.submission.findUniqueOrThrow({ where: { id: late.submission.id }, include: { gradingJob: { include: { testResults: true } }, gradeHistory: true } });
    expect([reset.exerciseVersionId, reset.score, reset.isLate]).toEqual([v2.id, null, true]);
    expect(reset.gradingJob).toMatchObject({ status: "queued", outcome: null, score: null, attempts: 0, regradeRunId: run.id });
    expect(reset.gradingJob!.testResults).toHaveLength(0);
    expect(reset.gradeHistory).toHaveLength(1);
    expect(reset.gradeHistory[0]).toMatchObject({ outcome: "failed", rawScore: 6, score: 30, regradeRunId: run.id });
    expect(JSON.parse(reset.gradeHistory[0]!.testResults)).toHaveLength(2);
    expect((await f.db.gradingJob.findUniqueOrThrow({ where: { id: waiting.job.id } })).regradeRunId).toBeNull();

    // The grader claims the regrade jobs like any other and loads the new version.
    const claimed: string[] = [];
    for (let job = await claimNextJob(f.db, "w"); job; job = await claimNextJob(f.db, "w")) {
      claimed.push(job.submissionId);
      if (job.submissionId === waiting.submission.id) continue;
      expect(job.exerciseVersionId).toBe(v2.id);
      expect(await completeJob(f.db, job.jobId, "w", grade(job.submissionId === late.submission.id ? 10 : 8))).toBe(true);
    }
    expect(claimed.sort()).toEqual([late.submission.id, other.submission.id, waiting.submission.id].sort());
    const progress = await regradeProgress(f.db, run.id);
    expect(progress).toMatchObject({ done: 2, percent: 100, finished: true, failed: 0 });
    expect(progress!.finishedAt).not.toBeNull();
    // The late penalty still applies to the late attempt: 10/10 × 100 × 0.5.
    expect((await f.db.submission.findUniqueOrThrow({ where: { id: late.submission.id } })).score).toBe(50);
    // Also sent after the due date: 8/10 × 100 × 0.5.
    expect((await f.db.submission.findUniqueOrThrow({ where: { id: other.submission.id } })).score).toBe(40);
    expect((await getStaffSubmission(f.db, fx.courseId, late.submission.id)).submission.gradeHistory[0]?.exerciseVersion.version).toBe(1);
    expect(await f.db.auditLog.count({ where: { action: "regrade.start", courseId: fx.courseId } })).toBe(1);
  });

  it("regrades one student's submissions only, and refuses a version of another exercise", async () => {
    await submit("// a");
    await gradeNext(6);
    await submit("// b", fx.otherStudentId);
    await gradeNext(6);
    const v2 = await newVersion("v2");
    const run = await startRegrade(f.db, { courseId: fx.courseId, assignmentId: fx.assignmentId, actorId: instructorId, exerciseVersionId: v2.id, userId: fx.otherStudentId });
    expect(run.total).toBe(1);
    expect(await f.db.gradingJob.count({ where: { regradeRunId: run.id, submission: { userId: fx.otherStudentId } } })).toBe(1);
    const foreign = await publishExerciseVersion(f.db, { slug: "other-ex", title: "Other", contentHash: "o1", manifest: {}, starterCode: "", bundle: {} });
    await expect(startRegrade(f.db, { courseId: fx.courseId, assignmentId: fx.assignmentId, actorId: instructorId, exerciseVersionId: foreign.version.id })).rejects.toMatchObject({ code: "not_found" });
    const empty = await startRegrade(f.db, { courseId: fx.courseId, assignmentId: fx.assignmentId, actorId: instructorId, exerciseVersionId: v2.id, userId: instructorId });
    expect(await regradeProgress(f.db, empty.id)).toMatchObject({ total: 0, percent: 100, finished: true });
  });

  it("aggregates analytics from the stored grades", async () => {
    await submit("// a");
    await gradeNext(6, "max abs error 0.3 at [0, 1]");
    await submit("// b");
    await gradeNext(10);
    await submit("// c", fx.otherStudentId);
    await gradeNext(7, "max abs error 0.25 at [1, 2]");
    const r = await assignmentAnalytics(f.db, fx.assignmentId);
    expect(r).toMatchObject({ submissions: 3, students: 2 });
    expect(r!.tests).toEqual([
      { name: "shape", runs: 3, passed: 3, rate: 1 },
      { name: "values", runs: 3, passed: 1, rate: 1 / 3 },
    ]);
    expect(r!.failures).toEqual([{ pattern: "values: max abs error # at [#, #]", example: "values: max abs error 0.3 at [0, 1]", count: 2 }]);
    // Best scores: 100 (band 9, full marks) and 70 (band 7).
    expect(r!.scores.map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    expect(r!.perDay.reduce((n, d) => n + d.count, 0)).toBe(3);
  });
});

describe("aggregateAnalytics", () => {
  it("fills empty days, counts compile errors as failures and uses the scoring policy", () => {
    const s = (id: string, userId: string, attemptNumber: number, day: string, score: number | null, outcome = "failed", error: string | null = null) => ({ id, userId, attemptNumber, createdAt: new Date(`${day}T10:00:00Z`), score, outcome, error });
    const r = aggregateAnalytics({
      points: 10,
      policy: "last",
      submissions: [s("a", "u1", 1, "2026-01-01", 9), s("b", "u1", 2, "2026-01-03", 2, "compile_error", "Unexpected token at line 3"), s("c", "u2", 1, "2026-01-03", 0)],
      tests: [],
    });
    expect(r.perDay).toEqual([
      { day: "2026-01-01", count: 1 },
      { day: "2026-01-02", count: 0 },
      { day: "2026-01-03", count: 2 },
    ]);
    expect(r.failures).toEqual([{ pattern: "compile_error: Unexpected token at line #", example: "compile_error: Unexpected token at line 3", count: 1 }]);
    expect(r.scores[2]!.count).toBe(1); // u1's last attempt (2/10), not their best
    expect(r.scores[0]!.count).toBe(1);
    expect(failurePattern("error 1e-5 and -3.5")).toBe("error # and #");
  });
  it("is empty for an assignment nobody submitted to", () => {
    const r = aggregateAnalytics({ points: 10, policy: "best", submissions: [], tests: [] });
    expect([r.perDay, r.tests, r.failures, r.students]).toEqual([[], [], [], 0]);
    expect(r.scores).toHaveLength(10);
  });
});
