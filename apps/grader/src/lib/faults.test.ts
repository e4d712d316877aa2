/**
 * Faults in the scale-out setup (PostgreSQL + Redis/BullMQ), each with real processes: grader
 * processes started from main.ts, a Redis server and (for the restart) a PostgreSQL cluster that
 * belong to the test alone, so restarting them never disturbs the shared servers.
 *  - a grader killed with SIGKILL mid-job: the job is retried and graded exactly once;
 *  - Redis restarted (empty) while jobs are queued: none is lost;
 *  - PostgreSQL restarted: the web app's database client and the grader carry on by themselves;
 *  - SIGTERM: the grader finishes its job, takes no new one, exits 0.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueSubmission, type Db } from "@course/db";
import { freshPostgres, seedFixture, testServices, type FreshDb, type Fixture } from "@course/db/testing";
import { loadExercise } from "@course/exercises";
import { postgresAvailable, redisAvailable, startPostgres, startRedis, type LocalServer } from "../testing/servers.ts";

const here = dirname(fileURLToPath(import.meta.url));
const { postgresUrl, requireServices } = testServices();

async function until(cond: () => Promise<boolean>, what: string, ms = 240_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface GraderProcess {
  child: ChildProcess;
  log: () => string;
  exit: Promise<number | null>;
}

/** A grader process (main.ts) on BullMQ with fast heartbeats and stale-job recovery. */
async function startGrader(env: Record<string, string>): Promise<GraderProcess> {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", join(here, "..", "main.ts")], {
    env: {
      PATH: "/usr/local/bin:/usr/bin:/bin",
      QUEUE_DRIVER: "bullmq",
      GRADER_PORT: "0",
      GRADER_WORKERS: "1",
      GRADER_POLL_MS: "50",
      GRADER_HEARTBEAT_MS: "200",
      // Long enough that a grader on a busy machine does not lose its own claims; the SIGKILL
      // test shortens it to see the dead grader's job recovered quickly.
      GRADER_STALE_MS: "10000",
      GRADER_RECOVER_MS: "300",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exit = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  await until(async () => log.includes("grader started") || child.exitCode !== null, "grader start");
  if (child.exitCode !== null) throw new Error(`grader exited at start: ${log}`);
  return { child, log: () => log, exit };
}

async function stopGrader(g: GraderProcess | undefined): Promise<void> {
  if (!g || g.child.exitCode !== null || g.child.signalCode !== null) return;
  g.child.kill("SIGTERM");
  await g.exit;
}

const status = async (db: Db, id: string) => (await db.gradingJob.findUniqueOrThrow({ where: { id } })).status;

/** Graded exactly once: one outcome, one set of results (each test position stored once). */
async function expectGradedOnce(db: Db, ids: string[], testsPerGrade: number): Promise<void> {
  const rows = await db.gradingJob.findMany({ where: { id: { in: ids } } });
  expect(rows.map((r) => [r.status, r.outcome])).toEqual(ids.map(() => ["graded", "passed"]));
  const results = await db.testResult.findMany({ where: { jobId: { in: ids } }, select: { jobId: true, position: true } });
  expect(results).toHaveLength(ids.length * testsPerGrade);
  expect(new Set(results.map((r) => `${r.jobId}/${r.position}`)).size).toBe(results.length);
}

const exercise = await loadExercise("dense-forward");
/** Real processes on a shared 2-core machine: generous bounds, each test still finite. */
const TIMEOUT = { timeout: 300_000 };
/** The reference solution made slow at load, so a job is still in flight when the fault strikes. */
const slow = (ms: number) => `${exercise.solution}\nconst __t = Date.now(); while (Date.now() - __t < ${ms}) {}\n`;

describe.runIf((postgresUrl && redisAvailable() && postgresAvailable()) || requireServices)("faults on PostgreSQL + Redis (real processes)", () => {
  let fresh: FreshDb;
  let fx: Fixture;
  let redis: LocalServer;
  let testsPerGrade: number;
  const graders: GraderProcess[] = [];
  const grader = async (env: Record<string, string> = {}) => {
    const g = await startGrader({ DATABASE_URL: fresh.config.url, REDIS_URL: redis.url, ...env });
    graders.push(g);
    return g;
  };
  // Every submission's code is unique (a trailing comment): identical resubmissions are not stored.
  let sent = 0;
  const submit = async (code: string, userId = fx.studentId) => (await enqueueSubmission(fresh.db, { userId, assignmentId: fx.assignmentId, code: `${code}\n// ${++sent}` })).job.id;

  beforeAll(async () => {
    if (!postgresUrl) throw new Error("TEST_POSTGRES_URL is not set (run scripts/services.sh start)");
    redis = await startRedis();
    fresh = await freshPostgres(postgresUrl);
    fx = await seedFixture(fresh.db, { maxAttempts: null });
    // The number of tests one grading stores, from a grading on a grader that is then stopped.
    const g = await grader();
    const id = await submit(exercise.solution);
    await until(async () => (await status(fresh.db, id)) === "graded", "first grade");
    testsPerGrade = await fresh.db.testResult.count({ where: { jobId: id } });
    expect(testsPerGrade).toBeGreaterThan(0);
    await stopGrader(g);
  }, 180_000);
  // Each test starts the graders it needs: none may take another test's jobs.
  afterEach(async () => {
    await Promise.all(graders.splice(0).map(stopGrader));
  });
  afterAll(async () => {
    await fresh?.dispose();
    await redis?.dispose();
  }, 60_000);

  it("a grader killed with SIGKILL mid-job: another grader retries the job and it is graded exactly once", TIMEOUT, async () => {
    const first = await grader({ GRADER_WORKER_ID: "killed-grader", GRADER_STALE_MS: "1500" });
    const id = await submit(slow(3000));
    await until(async () => (await status(fresh.db, id)) === "running", "claim");
    first.child.kill("SIGKILL");
    await first.exit;
    await grader({ GRADER_WORKER_ID: "second-grader", GRADER_STALE_MS: "1500" });
    await until(async () => (await status(fresh.db, id)) === "graded", "regrade");
    const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id } });
    expect(row.claimedBy).toBe("second-grader");
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    await expectGradedOnce(fresh.db, [id], testsPerGrade);
  });

  it("Redis restarted empty while jobs are queued: every job is still graded, once", TIMEOUT, async () => {
    const g = await grader({ GRADER_WORKER_ID: "redis-restart" });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await submit(slow(300), i % 2 ? fx.studentId : fx.otherStudentId));
    await until(async () => (await fresh.db.gradingJob.count({ where: { id: { in: ids }, status: "graded" } })) >= 1, "a first grade");
    await redis.crash();
    // Submissions keep arriving while Redis is down (the web app writes only to the database).
    for (let i = 0; i < 3; i++) ids.push(await submit(exercise.solution, fx.otherStudentId));
    expect(await fresh.db.gradingJob.count({ where: { id: { in: ids }, status: "queued" } })).toBeGreaterThan(3);
    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();
    await until(async () => (await fresh.db.gradingJob.count({ where: { id: { in: ids }, status: { in: ["graded", "failed"] } } })) === ids.length, "all graded");
    expect(g.child.exitCode).toBeNull();
    await expectGradedOnce(fresh.db, ids, testsPerGrade);
    expect(g.log()).toMatch(/dispatch failed|bullmq (worker|queue) error/);
  });

  it("SIGTERM: the grader finishes its job, claims no other, and exits 0; the next grader takes the rest", TIMEOUT, async () => {
    const g = await grader({ GRADER_WORKER_ID: "draining-grader" });
    const inFlight = await submit(slow(1500));
    await until(async () => (await status(fresh.db, inFlight)) === "running", "claim");
    const later = await submit(exercise.solution, fx.otherStudentId);
    g.child.kill("SIGTERM");
    expect(await g.exit).toBe(0);
    expect(g.log()).toMatch(/draining/);
    await expectGradedOnce(fresh.db, [inFlight], testsPerGrade);
    expect(await status(fresh.db, later)).toBe("queued");
    await grader({ GRADER_WORKER_ID: "next-grader" });
    await until(async () => (await status(fresh.db, later)) === "graded", "the rest");
    const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: later } });
    expect([row.attempts, row.claimedBy]).toEqual([1, "next-grader"]);
  });
});

describe.runIf((redisAvailable() && postgresAvailable()) || requireServices)("PostgreSQL restarted (its own cluster)", () => {
  let pg: LocalServer;
  let redis: LocalServer;
  let fresh: FreshDb;
  let grader: GraderProcess | undefined;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    fresh = await freshPostgres(pg.url);
  }, 180_000);
  afterAll(async () => {
    await stopGrader(grader);
    await fresh?.dispose().catch(() => undefined);
    await pg?.dispose();
    await redis?.dispose();
  }, 60_000);

  it("the web app's database client and the grader recover without manual steps", TIMEOUT, async () => {
    // fresh.db is built by createDb, exactly as the web app builds its client.
    const web = fresh.db;
    const fx = await seedFixture(web, { maxAttempts: null });
    grader = await startGrader({ DATABASE_URL: fresh.config.url, REDIS_URL: redis.url, GRADER_WORKER_ID: "pg-restart" });
    let sent = 0; // unique codes: identical resubmissions are not stored
    const submit = async (code: string) => (await enqueueSubmission(web, { userId: fx.studentId, assignmentId: fx.assignmentId, code: `${code}\n// ${++sent}` })).job.id;
    const before = await submit(exercise.solution);
    await until(async () => (await status(web, before)) === "graded", "grade before the restart");
    const testsPerGrade = await web.testResult.count({ where: { jobId: before } });

    // PostgreSQL stops abruptly while a grading is in flight, and comes back two seconds later.
    const inFlight = await submit(slow(1000));
    await until(async () => (await status(web, inFlight)) === "running", "claim");
    await pg.crash();
    await expect(submit(exercise.solution)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 2000));
    await pg.start();

    // The same client, unchanged: its first query after the restart works.
    const after = await submit(exercise.solution);
    await until(async () => (await web.gradingJob.count({ where: { id: { in: [inFlight, after] }, status: "graded" } })) === 2, "grades after the restart");
    expect(grader.child.exitCode).toBeNull();
    await expectGradedOnce(web, [before, inFlight, after], testsPerGrade);
  });
});
