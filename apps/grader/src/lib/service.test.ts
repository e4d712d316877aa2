/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies read loosely in assertions */
/**
 * The service end to end on a real database: HTTP API (auth, validation), the embedded queue
 * (grade written once, concurrent workers never double-grade, stale jobs retried then failed),
 * BullMQ on the throwaway Redis, and SIGTERM drain with a real child process.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNextJob, enqueueSubmission, recoverStaleJobs } from "@course/db";
import { freshSqlite, providers, seedFixture, testServices, type FreshDb, type Fixture } from "@course/db/testing";
import { parseFeedback, renderFeedback } from "@course/exercise-kit";
import { bundleParts, readBundleFolder } from "@course/exercise-kit";
import { EXERCISES_ROOT } from "@course/exercises";
import { loadConfig } from "./config.ts";
import { silentLogger } from "./log.ts";
import { startService, type Service } from "./service.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** A built-in exercise's sources (data only: submissions for the tests). */
async function loadExercise(id: string) {
  return bundleParts(await readBundleFolder(join(EXERCISES_ROOT, id)));
}
const TOKEN = "test-token-0123456789abcdef";

async function until(cond: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(providers().map((p) => [p.name, p] as const))("HTTP API and embedded queue on %s", (_name, provider) => {
  let fresh: FreshDb;
  let fx: Fixture;
  let svc: Service;
  let base: string;
  beforeAll(async () => {
    fresh = await provider.fresh();
    fx = await seedFixture(fresh.db, { maxAttempts: null });
    const config = loadConfig({ DATABASE_URL: fresh.config.url, GRADER_PORT: "0", GRADER_WORKERS: "2", GRADER_TOKEN: TOKEN, GRADER_POLL_MS: "50" });
    svc = await startService({ config, log: silentLogger, db: fresh.db });
    base = svc.url();
    await svc.pool.waitReady();
  });
  afterAll(async () => {
    await svc?.drain();
    await fresh?.dispose();
  });

  const api = (path: string, init: RequestInit & { auth?: boolean } = {}) =>
    fetch(base + path, { ...init, headers: { "content-type": "application/json", ...(init.auth === false ? {} : { authorization: `Bearer ${TOKEN}` }), ...(init.headers as Record<string, string>) } });

  it("GET /health answers only ok/not ok without the token", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong-token-0123456789" }] as Record<string, string>[]) {
      const r = await api("/health", { auth: false, headers });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ok: true });
    }
  });

  it("GET /health with the token reports db, queue depth, sandbox pool and bwrap", async () => {
    const r = await api("/health");
    const body = (await r.json()) as Record<string, any>;
    expect(r.status).toBe(200);
    expect(body.db.ok).toBe(true);
    expect(body.queue.driver).toBe("db");
    expect(typeof body.queue.queued).toBe("number");
    expect(["on", "off"]).toContain(body.bwrap);
    // Two "core" hosts (one per worker), one "full" host and one author host (course code).
    expect(body.sandbox.size).toBe(4);
  });

  it("refuses a missing or wrong token and invalid bodies with clear JSON errors", async () => {
    expect((await api("/v1/submissions", { method: "POST", body: "{}", auth: false })).status).toBe(401);
    expect((await api("/v1/submissions", { method: "POST", body: "{}", headers: { authorization: "Bearer nope" } })).status).toBe(401);
    const bad = await api("/v1/submissions", { method: "POST", body: JSON.stringify({ userId: fx.studentId }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toMatch(/assignmentId/);
    expect((await api("/v1/submissions", { method: "POST", body: "{not json" })).status).toBe(400);
    expect((await api("/v1/nope")).status).toBe(404);
    const stranger = await api("/v1/submissions", { method: "POST", body: JSON.stringify({ userId: "nobody", assignmentId: fx.assignmentId, code: "x" }) });
    expect(stranger.status).toBe(403);
  });

  it("a submission posted to the API is graded once and its result is readable", async () => {
    const ex = await loadExercise("dense-forward");
    const r = await api("/v1/submissions", { method: "POST", body: JSON.stringify({ userId: fx.studentId, assignmentId: fx.assignmentId, code: ex.solution }) });
    expect(r.status).toBe(202);
    const { jobId } = (await r.json()) as { jobId: string };
    let job: any;
    await until(async () => {
      job = await (await api(`/v1/jobs/${jobId}`)).json();
      return job.status === "graded" || job.status === "failed";
    }, "the grade");
    expect(job.status).toBe("graded");
    expect(job.result.status).toBe("passed");
    expect(job.result.score).toBe(job.result.maxScore);
    expect(job.result.tests.length).toBeGreaterThan(0);
    expect(await fresh.db.testResult.count({ where: { jobId } })).toBe(job.result.tests.length);
    // Each stored result carries its message structured: it renders back to the English message.
    const rows = await fresh.db.testResult.findMany({ where: { jobId }, orderBy: { position: "asc" } });
    for (const row of rows) {
      const feedback = parseFeedback(JSON.parse(row.feedback!));
      expect(renderFeedback(feedback!, "en")).toBe(row.message);
      expect(renderFeedback(feedback!, "zh-CN")).toMatch(/^全部 \d+ 个元素都在容差范围内/);
    }
  });

  it("answers a domain error with the status the web app gives it (one table in @course/db)", async () => {
    // Allow exactly the attempts the student has made (at least one): the next is refused.
    await enqueueSubmission(fresh.db, { userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: "// used" });
    const used = await fresh.db.submission.count({ where: { userId: fx.otherStudentId, assignmentId: fx.assignmentId } });
    await fresh.db.assignment.update({ where: { id: fx.assignmentId }, data: { maxAttempts: used } });
    try {
      const r = await api("/v1/submissions", { method: "POST", body: JSON.stringify({ userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: "x" }) });
      expect(r.status).toBe(409);
      expect(((await r.json()) as any).error.code).toBe("attempts_exhausted");
    } finally {
      await fresh.db.assignment.update({ where: { id: fx.assignmentId }, data: { maxAttempts: null } });
    }
  });

  it("a student's fault (compile error) is a grade, not a retry", async () => {
    const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "export function denseForward( {" });
    svc.receiver.wake();
    await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).status === "graded", "compile error grade");
    const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.outcome).toBe("compile_error");
    expect(row.attempts).toBe(1);
    const errorFeedback = parseFeedback(JSON.parse(row.errorFeedback!))!;
    expect(renderFeedback(errorFeedback, "en")).toBe(row.error);
    expect(renderFeedback(errorFeedback, "zh-CN")).toMatch(/^你的代码无法编译。第 1 行，第 \d+ 列：/);
    const tests = await fresh.db.testResult.findMany({ where: { jobId: job.id } });
    expect(tests.map((t) => renderFeedback(parseFeedback(JSON.parse(t.feedback!))!, "zh-CN"))).toEqual(tests.map(() => "未运行：提交的代码无法编译。"));
  });

  it("a failing grade is stored first, and its diagnosis (the matching mistake's hint) a moment later", async () => {
    const ex = await loadExercise("dense-forward");
    const noBias = ex.mutants.find((m) => m.name === "no-bias")!.source;
    const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: noBias });
    svc.receiver.wake();
    await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).status === "graded", "failed grade");
    await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).diagnoses !== null, "diagnoses");
    const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.outcome).toBe("failed");
    const diagnoses = JSON.parse(row.diagnoses!) as { key: string; feedback: unknown }[];
    expect(diagnoses.map((d) => d.key)).toEqual(["mutant.no-bias"]);
    expect(renderFeedback(parseFeedback(diagnoses[0]!.feedback)!, "zh-CN")).toBe(ex.hints["no-bias"]!["zh-CN"]);
  });

  it("many jobs with concurrent workers: each graded exactly once", async () => {
    const ex = await loadExercise("dense-forward");
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { job } = await enqueueSubmission(fresh.db, { userId: i % 2 ? fx.studentId : fx.otherStudentId, assignmentId: fx.assignmentId, code: `${ex.solution}\n// ${i}` }); // unique: an identical resubmission is not stored
      ids.push(job.id);
    }
    svc.receiver.wake();
    await until(async () => (await fresh.db.gradingJob.count({ where: { id: { in: ids }, status: "graded" } })) === ids.length, "all graded");
    const rows = await fresh.db.gradingJob.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const results = await fresh.db.testResult.groupBy({ by: ["jobId"], where: { jobId: { in: ids } }, _count: true });
    expect(new Set(results.map((r) => r._count)).size).toBe(1);
  });
});

describe("two graders on one database (embedded queue)", () => {
  it("never grade the same job twice", async () => {
    const fresh = await freshSqlite();
    const services: Service[] = [];
    try {
      const fx = await seedFixture(fresh.db, { maxAttempts: null });
      for (const id of ["a", "b"]) {
        const config = loadConfig({ DATABASE_URL: fresh.config.url, GRADER_WORKERS: "2", GRADER_POLL_MS: "20", GRADER_WORKER_ID: `db-worker-${id}` });
        services.push(await startService({ config, log: silentLogger, db: fresh.db, listen: false }));
      }
      const ex = await loadExercise("dense-forward");
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const { job } = await enqueueSubmission(fresh.db, { userId: i % 2 ? fx.studentId : fx.otherStudentId, assignmentId: fx.assignmentId, code: `${ex.solution}\n// ${i}` }); // unique: an identical resubmission is not stored
        ids.push(job.id);
      }
      for (const s of services) s.receiver.wake();
      await until(async () => (await fresh.db.gradingJob.count({ where: { id: { in: ids }, status: "graded" } })) === ids.length, "all graded");
      const rows = await fresh.db.gradingJob.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.attempts === 1 && r.outcome === "passed")).toBe(true);
      const perJob = await fresh.db.testResult.groupBy({ by: ["jobId"], where: { jobId: { in: ids } }, _count: true });
      expect(perJob).toHaveLength(ids.length);
      expect(new Set(perJob.map((r) => r._count)).size).toBe(1);
    } finally {
      for (const s of services) await s.drain();
      await fresh.dispose();
    }
  });
});

describe("infrastructure failures", () => {
  it("a failure of the grader itself is retried, then the job fails with the reason (never a grade)", async () => {
    const fresh = await freshSqlite();
    const config = loadConfig({ DATABASE_URL: fresh.config.url, GRADER_WORKERS: "1", GRADER_POLL_MS: "50", GRADER_MAX_ATTEMPTS: "2" });
    let calls = 0;
    const svc = await startService({
      config,
      log: silentLogger,
      db: fresh.db,
      listen: false,
      loadVersion: async () => {
        calls++;
        throw new Error("exercise store offline");
      },
    });
    try {
      const fx = await seedFixture(fresh.db, { maxAttempts: null });
      const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x", maxJobAttempts: 2 });
      svc.receiver.wake();
      await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).status === "failed", "failed job", 30_000);
      const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.attempts).toBe(2);
      expect(calls).toBe(2);
      expect(row.outcome).toBeNull();
      expect(row.error).toMatch(/exercise store offline; gave up after 2 attempts/);
      expect(await fresh.db.testResult.count({ where: { jobId: job.id } })).toBe(0);
    } finally {
      await svc.drain();
      await fresh.dispose();
    }
  });
});

describe("stale jobs", () => {
  it("the job of a grader process killed mid-grading is picked up again by another grader", async () => {
    const fresh = await freshSqlite();
    try {
      const fx = await seedFixture(fresh.db, { maxAttempts: null });
      const ex = await loadExercise("dense-forward");
      const env = { PATH: "/usr/local/bin:/usr/bin:/bin", DATABASE_URL: fresh.config.url, GRADER_PORT: "0", GRADER_WORKERS: "1", GRADER_POLL_MS: "50", GRADER_HEARTBEAT_MS: "200", GRADER_STALE_MS: "1500", GRADER_RECOVER_MS: "300" };
      const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", join(here, "..", "main.ts")], { env, stdio: ["ignore", "ignore", "pipe"] });
      let log = "";
      child.stderr.on("data", (d: Buffer) => (log += d.toString()));
      await until(async () => log.includes("grader started"), "start");
      const slow = ex.solution + "\nconst __t = Date.now(); while (Date.now() - __t < 3000) {}\n";
      const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: slow });
      await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).status === "running", "claim");
      child.kill("SIGKILL");
      await new Promise((r) => child.on("exit", r));
      const config = loadConfig({ ...env, GRADER_WORKER_ID: "second-grader" });
      const svc = await startService({ config, log: silentLogger, db: fresh.db, listen: false });
      try {
        await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).status === "graded", "regrade", 60_000);
      } finally {
        await svc.drain();
      }
      const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.attempts).toBe(2);
      expect(row.claimedBy).toBe("second-grader");
      expect(row.outcome).toBe("passed");
      expect(await fresh.db.testResult.count({ where: { jobId: job.id } })).toBeGreaterThan(0);
    } finally {
      await fresh.dispose();
    }
  });

  it("a job whose worker died is retried, then failed with a reason after maxAttempts", async () => {
    const fresh = await freshSqlite();
    try {
      const fx = await seedFixture(fresh.db, { maxAttempts: null });
      const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "x", maxJobAttempts: 2 });
      // A worker claims it and dies (never heartbeats again).
      let now = new Date(Date.now() + 1000);
      expect((await claimNextJob(fresh.db, "dead-worker-1", now))?.jobId).toBe(job.id);
      now = new Date(now.getTime() + 60_000);
      expect((await recoverStaleJobs(fresh.db, 10_000, now)).requeued).toEqual([job.id]);
      now = new Date(now.getTime() + 60_000);
      expect((await claimNextJob(fresh.db, "dead-worker-2", now))?.jobId).toBe(job.id);
      now = new Date(now.getTime() + 60_000);
      expect((await recoverStaleJobs(fresh.db, 10_000, now)).failed).toEqual([job.id]);
      const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.status).toBe("failed");
      expect(row.error).toMatch(/stopped responding; gave up after 2 attempts/);
    } finally {
      await fresh.dispose();
    }
  });
});

describe("SIGTERM drain (real child process)", () => {
  it("stops claiming, finishes the in-flight grading, and exits 0", async () => {
    const fresh = await freshSqlite();
    try {
      const fx = await seedFixture(fresh.db, { maxAttempts: null });
      const ex = await loadExercise("dense-forward");
      const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", join(here, "..", "main.ts")], {
        env: { PATH: "/usr/local/bin:/usr/bin:/bin", DATABASE_URL: fresh.config.url, GRADER_PORT: "0", GRADER_WORKERS: "1", GRADER_TOKEN: TOKEN, GRADER_POLL_MS: "50" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let log = "";
      child.stderr.on("data", (d: Buffer) => (log += d.toString()));
      await until(async () => log.includes("grader started"), "start", 60_000);
      // A slow (but finite) submission so the job is in flight when SIGTERM arrives.
      const slow = ex.solution + "\nconst __t = Date.now(); while (Date.now() - __t < 1500) {}\n";
      const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: slow });
      await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).status === "running", "claim");
      const { job: later } = await enqueueSubmission(fresh.db, { userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: ex.solution });
      child.kill("SIGTERM");
      const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
      expect(code).toBe(0);
      const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } });
      expect(row.status).toBe("graded");
      expect(row.outcome).toBe("passed");
      // Not claimed after SIGTERM: still queued for another worker.
      expect((await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("queued");
      expect(log).toMatch(/draining/);
    } finally {
      await fresh.dispose();
    }
  });
});

const { redisUrl, requireServices } = testServices();
describe.runIf(redisUrl || requireServices)("BullMQ driver (throwaway Redis)", () => {
  it("two grader services on one Redis grade every job exactly once", async () => {
    if (!redisUrl) throw new Error("TEST_REDIS_URL is not set (run scripts/services.sh start)");
    const fresh = await freshSqlite();
    const prefix = `test-${Date.now()}`;
    const services: Service[] = [];
    try {
      const fx = await seedFixture(fresh.db, { maxAttempts: null });
      for (const id of ["a", "b"]) {
        const config = loadConfig({ DATABASE_URL: fresh.config.url, QUEUE_DRIVER: "bullmq", REDIS_URL: redisUrl, GRADER_WORKERS: "1", GRADER_POLL_MS: "50", GRADER_WORKER_ID: `worker-${id}` });
        services.push(await startService({ config, log: silentLogger, db: fresh.db, listen: false, bullmqPrefix: prefix }));
      }
      const ex = await loadExercise("dense-forward");
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const { job } = await enqueueSubmission(fresh.db, { userId: i % 2 ? fx.studentId : fx.otherStudentId, assignmentId: fx.assignmentId, code: `${ex.solution}\n// ${i}` }); // unique: an identical resubmission is not stored
        ids.push(job.id);
      }
      for (const s of services) s.receiver.wake();
      await until(async () => (await fresh.db.gradingJob.count({ where: { id: { in: ids }, status: "graded" } })) === ids.length, "bullmq grades");
      const rows = await fresh.db.gradingJob.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.attempts === 1 && r.outcome === "passed")).toBe(true);
      expect(new Set(rows.map((r) => r.claimedBy)).size).toBeGreaterThanOrEqual(1);
    } finally {
      for (const s of services) await s.drain();
      await fresh.dispose();
    }
  });

  it("is fair between students: one queued behind another student's 200 is graded among the first few", async () => {
    if (!redisUrl) throw new Error("TEST_REDIS_URL is not set (run scripts/services.sh start)");
    const fresh = await freshSqlite();
    let svc: Service | undefined;
    try {
      const fx = await seedFixture(fresh.db, { maxAttempts: null });
      // The hog's submissions do not compile: quick grades, so the test stays short.
      for (let i = 0; i < 200; i++) await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: `export function denseForward( { // ${i}` });
      const { job: other } = await enqueueSubmission(fresh.db, { userId: fx.otherStudentId, assignmentId: fx.assignmentId, code: "export function denseForward( {" });
      const config = loadConfig({ DATABASE_URL: fresh.config.url, QUEUE_DRIVER: "bullmq", REDIS_URL: redisUrl, GRADER_WORKERS: "1", GRADER_POLL_MS: "50" });
      svc = await startService({ config, log: silentLogger, db: fresh.db, listen: false, bullmqPrefix: `fair-${Date.now()}` });
      await until(async () => (await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: other.id } })).status === "graded", "the other student's grade");
      await svc.drain();
      const started = await fresh.db.gradingJob.findMany({ where: { startedAt: { not: null } }, orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: { id: true } });
      // Redis holds a window of two rows (twice the concurrency): the other student's job is
      // dispatched at the latest with the first refill.
      expect(started.map((r) => r.id).indexOf(other.id)).toBeLessThanOrEqual(3);
      expect(await fresh.db.gradingJob.count({ where: { status: "queued" } })).toBeGreaterThan(150);
    } finally {
      await svc?.drain();
      await fresh.dispose();
    }
  }, 120_000);
});
