/**
 * GET /metrics on a real service (SQLite, real sandboxes): token-protected, Prometheus text
 * format, and the figures follow what happened — a job whose first attempt hits a grader error
 * is counted as a failure (requeued), then as a retry, then as graded with its duration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueSubmission } from "@course/db";
import { freshSqlite, seedFixture, type Fixture, type FreshDb } from "@course/db/testing";
import { join } from "node:path";
import { bundleParts, readBundleFolder } from "@course/exercise-kit";
import { EXERCISES_ROOT } from "@course/exercises";
import { dbVersionLoader } from "./course/versions.ts";
import { loadConfig } from "./config.ts";
import { silentLogger } from "./log.ts";
import { startService, type Service } from "./service.ts";

const TOKEN = "metrics-token-0123456789abcdef";

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  let fresh: FreshDb;
  let fx: Fixture;
  let svc: Service;
  let loads = 0;
  let fromDb: ReturnType<typeof dbVersionLoader>;
  beforeAll(async () => {
    fresh = await freshSqlite();
    fromDb = dbVersionLoader(fresh.db);
    fx = await seedFixture(fresh.db, { maxAttempts: null });
    const config = loadConfig({ DATABASE_URL: fresh.config.url, GRADER_PORT: "0", GRADER_WORKERS: "1", GRADER_TOKEN: TOKEN, GRADER_POLL_MS: "50" });
    svc = await startService({
      config,
      log: silentLogger,
      db: fresh.db,
      // The grader's own failure on the first attempt only (an exercise it cannot load).
      loadVersion: async (versionId, contentHash) => {
        if (loads++ === 0) throw new Error("exercise store unavailable");
        return fromDb(versionId, contentHash);
      },
    });
    await svc.pool.waitReady();
  });
  afterAll(async () => {
    await svc?.drain();
    await fresh?.dispose();
  });

  const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => fetch(`${svc.url()}/metrics`, { headers });

  it("needs the bearer token", async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: "Bearer wrong-token-0123456789abcdef" })).status).toBe(401);
    expect((await fetch(`${svc.url()}/metrics`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });

  it("reports queue depth, sandbox pool, durations, failures and retries", async () => {
    const idle = await scrape();
    expect(idle.status).toBe(200);
    expect(idle.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const before = await idle.text();
    expect(sample(before, 'grader_queue_jobs{state="queued"}')).toBe(0);
    // One "core" host (one worker), one "full" host and one author host (course code).
    expect(sample(before, "grader_sandbox_pool_size")).toBe(3);
    expect(sample(before, 'grader_sandbox_hosts{state="ready"}')).toBeGreaterThan(0);
    expect(sample(before, "grader_workers_capacity")).toBe(1);
    expect(before).toMatch(/^grader_process_resident_memory_bytes \d+/m);

    // Queued while the worker is told nothing: the depth shows it.
    const ex = bundleParts(await readBundleFolder(join(EXERCISES_ROOT, "dense-forward")));
    const { job } = await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: ex.solution, maxJobAttempts: 3 });
    const queued = await (await scrape()).text();
    expect(sample(queued, 'grader_queue_jobs{state="queued"}')! + sample(queued, 'grader_queue_jobs{state="running"}')!).toBe(1);

    svc.receiver.wake();
    const end = Date.now() + 30_000;
    while ((await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id } })).status !== "graded") {
      if (Date.now() > end) throw new Error("the job was not graded");
      await new Promise((r) => setTimeout(r, 50));
    }
    const after = await (await scrape()).text();
    const labels = 'exercise="dense-forward"';
    expect(sample(after, `grader_job_failures_total{${labels},status="requeued"}`)).toBe(1);
    expect(sample(after, `grader_job_retries_total{${labels}}`)).toBe(1);
    expect(sample(after, `grader_job_duration_seconds_count{${labels},status="graded"}`)).toBe(1);
    expect(sample(after, `grader_job_duration_seconds_count{${labels},status="requeued"}`)).toBe(1);
    expect(sample(after, `grader_job_duration_seconds_sum{${labels},status="graded"}`)).toBeGreaterThan(0);
    expect(sample(after, `grader_job_duration_seconds_bucket{le="+Inf",${labels},status="graded"}`)).toBe(1);
    expect(sample(after, 'grader_queue_jobs{state="queued"}')).toBe(0);
    expect(sample(after, "grader_workers_active")).toBe(0);
  });
});
