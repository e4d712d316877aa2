import { enqueueSubmission, claimNextJob, completeJob } from "@course/db";
import { freshSqlite, seedFixture } from "@course/db/testing";
const fresh = await freshSqlite();
await fresh.db.$queryRawUnsafe("PRAGMA journal_mode=WAL"); await fresh.db.$queryRawUnsafe("PRAGMA synchronous=NORMAL");
const fx = await seedFixture(fresh.db, { maxAttempts: null });
const tests = Array.from({ length: 9 }, (_, i) => ({ name: `t${i}`, passed: true, points: 1, maxPoints: 1, message: "ok" }));
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x" });
  const t1 = performance.now();
  const c = await claimNextJob(fresh.db, "w");
  const t2 = performance.now();
  await completeJob(fresh.db, job.id, "w", { status: "passed", score: 9, maxScore: 9, seed: 1, tests });
  const t3 = performance.now();
  console.log((t1 - t0).toFixed(1), (t2 - t1).toFixed(1), (t3 - t2).toFixed(1), !!c);
}
await fresh.dispose();
