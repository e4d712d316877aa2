import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { claimNextJob, completeJob } from "../repositories/jobs.ts";
import { canViewSubmission, getViewableSubmission } from "../repositories/submission-access.ts";
import { enqueueSubmission } from "../repositories/submissions.ts";
import { seedFixture, type Fixture } from "../testing/fixture.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import { providers } from "../testing/providers.ts";
import { openChangeFeed } from "./change-feed.ts";
import { GradingWatch } from "./grading-watch.ts";

const grade = { status: "passed" as const, score: 10, maxScore: 10, seed: 1, tests: [{ name: "t", passed: true, points: 10, maxPoints: 10 }] };

/** Resolves with the statuses seen once `until` has been seen (or rejects after 5 s). */
function collect(watch: GradingWatch, submissionId: string, until: string) {
  const seen: string[] = [];
  let unwatch = () => undefined as void;
  const done = new Promise<string[]>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`saw only ${seen.join(", ")}`)), 5000);
    unwatch = watch.watch(submissionId, (s) => {
      seen.push(s);
      if (s === until) {
        clearTimeout(t);
        resolve(seen);
      }
    });
  });
  return { seen, done: done.finally(() => unwatch()) };
}

describe.each(providers())("live grading changes on $name", ({ name, fresh }) => {
  let f: FreshDb;
  let fx: Fixture;
  let watch: GradingWatch;
  beforeEach(async () => {
    f = await fresh();
    fx = await seedFixture(f.db);
    // Resync far away: what arrives comes from the feed.
    watch = new GradingWatch(f.db, openChangeFeed(f.config, { reconnectMs: 50 }), { resyncMs: 60_000 });
    await watch.start();
  });
  afterEach(async () => {
    await watch.stop();
    await f.dispose();
  });

  it("reports running then graded for a watched submission, made by another connection", async () => {
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a" });
    const other = await enqueueSubmission(f.db, { userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: "// b" });
    const unwatchedCalls: string[] = [];
    const { seen, done } = collect(watch, submission.id, "graded");
    const job = await claimNextJob(f.db, "w1");
    expect(job?.submissionId).toBe(submission.id);
    // Graded only once running was reported (a fixed pause can be too short on a loaded host).
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    await completeJob(f.db, job!.jobId, "w1", grade);
    expect(await done).toEqual(["running", "graded"]);
    // The other submission changed too, but nobody watches it any more than before.
    const stop = watch.watch(other.submission.id, (s) => unwatchedCalls.push(s));
    await new Promise((r) => setTimeout(r, 100));
    expect(unwatchedCalls).toEqual([]);
    stop();
    expect(watch.watching).toBe(0);
  });

  it.runIf(name === "postgresql")("keeps listening after its database connection is killed", async () => {
    const admin = new pg.Client({ connectionString: f.config.url });
    await admin.connect();
    const killed = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()",
    );
    await admin.end();
    expect(killed.rowCount).toBe(1);
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a" });
    const { done } = collect(watch, submission.id, "graded");
    await new Promise((r) => setTimeout(r, 300)); // the feed reconnects (50 ms) and resyncs
    const job = await claimNextJob(f.db, "w1");
    await completeJob(f.db, job!.jobId, "w1", grade);
    expect((await done).at(-1)).toBe("graded");
  });

  it.runIf(name === "sqlite")("reads the database only while someone watches (an idle server does not poll)", async () => {
    const signals: number[] = [];
    const feed = openChangeFeed(f.config, { intervalMs: 5 });
    await feed.start(() => signals.push(Date.now()));
    try {
      const commit = (code: string) => enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code });
      await commit("// unwatched");
      await new Promise((r) => setTimeout(r, 50));
      expect(signals).toHaveLength(0);
      feed.setWatched(true);
      await commit("// watched");
      await expect.poll(() => signals.length).toBeGreaterThan(0);
      feed.setWatched(false);
      const seen = signals.length;
      await commit("// unwatched again");
      await new Promise((r) => setTimeout(r, 50));
      expect(signals).toHaveLength(seen);
    } finally {
      await feed.stop();
    }
  });

  it("lets the owner and the course's staff see a submission, and nobody else", async () => {
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a" });
    const ta = await f.db.user.create({ data: { email: "ta@example.com", name: "TA", passwordHash: "x" } });
    await f.db.enrollment.create({ data: { userId: ta.id, courseId: fx.courseId, role: "ta" } });
    expect((await getViewableSubmission(f.db, submission.id, fx.studentId)).assignment.points).toBe(100);
    expect((await getViewableSubmission(f.db, submission.id, ta.id)).id).toBe(submission.id);
    await expect(getViewableSubmission(f.db, submission.id, fx.otherStudentId)).rejects.toBeInstanceOf(DomainError);
    expect(await canViewSubmission(f.db, submission.id, ta.id)).toBe(true);
    expect(await canViewSubmission(f.db, submission.id, fx.otherStudentId)).toBe(false);
  });
});
