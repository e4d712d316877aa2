/**
 * Grading benchmark: latency from enqueue to stored grade for the dense-forward reference
 * solution on a warm grader (embedded SQLite queue, in-process worker pool, pre-warmed sandbox
 * pool), throughput with many concurrent submissions, and a cold baseline that starts a fresh
 * node process with tfjs per submission.
 */
import { spawn } from "node:child_process";
import type { EventEmitter } from "node:events";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { enqueueSubmission, type Db } from "@course/db";
import { freshSqlite, seedFixture } from "@course/db/testing";
import { bundleParts, readBundleFolder } from "@course/exercise-kit";
import { EXERCISES_ROOT } from "@course/exercises";
import { loadConfig } from "../src/lib/config.ts";
import { silentLogger } from "../src/lib/log.ts";
import { startService } from "../src/lib/service.ts";

export interface GradingBenchOptions {
  sequential?: number;
  concurrent?: number;
  coldRuns?: number;
  /** Failing submissions (a known mistake), graded then diagnosed one after another. */
  failing?: number;
  workers?: number;
  onProgress?: (msg: string) => void;
}

export interface GradingBenchResult {
  p50Ms: number;
  p95Ms: number;
  throughputPerS: number;
  coldBaselineP50Ms: number;
  submissions: number;
  /** Enqueue → stored grade of a failing submission (dense-forward without its bias). */
  failingP50Ms: number;
  failingP95Ms: number;
  /** Enqueue → stored diagnosis of the same submissions (after the grade). */
  diagnosisP50Ms: number;
  diagnosisP95Ms: number;
  failingSubmissions: number;
}

const here = dirname(fileURLToPath(import.meta.url));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

const round = (x: number) => Math.round(x * 10) / 10;

async function waitGraded(db: Db, jobIds: string[], events?: EventEmitter, outcome = "passed"): Promise<void> {
  const pending = new Set(jobIds);
  if (events) {
    await new Promise<void>((resolve, reject) => {
      const on = (id: string, end: string) => {
        if (!pending.has(id)) return;
        if (end !== "graded") reject(new Error(`bench job ${id} ended ${end}`));
        pending.delete(id);
        if (pending.size === 0) {
          events.off("job-end", on);
          resolve();
        }
      };
      events.on("job-end", on);
    });
  }
  while (pending.size > 0) {
    const rows = await db.gradingJob.findMany({ where: { id: { in: [...pending] }, status: { in: ["graded", "failed"] } }, select: { id: true, status: true, outcome: true } });
    for (const r of rows) {
      if (r.status !== "graded" || r.outcome !== outcome) throw new Error(`bench job ${r.id} ended ${r.status}/${r.outcome}`);
      pending.delete(r.id);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 2));
  }
}

async function coldOnce(solutionPath: string): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(here, "cold-grade.ts"), solutionPath], { stdio: ["ignore", "pipe", "inherit"], cwd: join(here, "..") });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => (code === 0 && out.includes('"passed"') ? resolve() : reject(new Error(`cold run failed (${code}): ${out.slice(0, 300)}`))));
  });
  return performance.now() - t0;
}

export async function runGradingBench(opts: GradingBenchOptions = {}): Promise<GradingBenchResult> {
  const sequential = opts.sequential ?? 200;
  const concurrent = opts.concurrent ?? 100;
  const coldRuns = opts.coldRuns ?? 10;
  const failing = opts.failing ?? 40;
  const workers = opts.workers ?? Math.max(2, 2 * availableParallelism());
  const progress = opts.onProgress ?? (() => {});
  const exercise = bundleParts(await readBundleFolder(join(EXERCISES_ROOT, "dense-forward")));
  const fresh = await freshSqlite();
  const fixture = await seedFixture(fresh.db, { maxAttempts: null });
  const users = [fixture.studentId, fixture.otherStudentId];
  const config = loadConfig({ DATABASE_URL: fresh.config.url, GRADER_WORKERS: String(workers), GRADER_POLL_MS: "50", GRADER_TOKEN: "bench-token-0123456789" });
  const service = await startService({ config, log: silentLogger, db: fresh.db, listen: false });
  try {
    await service.pool.waitReady();
    // Each submission's code ends with its own comment: an identical resubmission is not stored.
    let n = 0;
    const submit = async () => {
      const { job } = await enqueueSubmission(fresh.db, { userId: users[n++ % 2]!, assignmentId: fixture.assignmentId, code: `${exercise.solution}\n// ${n}` });
      service.receiver.wake();
      return job.id;
    };
    const cpuStart = { self: process.cpuUsage(), hosts: service.pool.hostCpuMs };
    // Warm-up (JIT of the trusted side, first code cache).
    for (let i = 0; i < 5; i++) await waitGraded(fresh.db, [await submit()]);
    // Registers the listener before the wake so a fast grading is not missed.
    const submitAndWait = async () => {
      const { job } = await enqueueSubmission(fresh.db, { userId: users[n++ % 2]!, assignmentId: fixture.assignmentId, code: `${exercise.solution}\n// ${n}` });
      const done = waitGraded(fresh.db, [job.id], service.events);
      service.receiver.wake();
      await done;
    };
    progress(`sequential: ${sequential} submissions`);
    const lat: number[] = [];
    for (let i = 0; i < sequential; i++) {
      const t0 = performance.now();
      const done = submitAndWait();
      await done;
      lat.push(performance.now() - t0);
    }
    progress(`failing: ${failing} submissions (graded, then diagnosed)`);
    const noBias = exercise.mutants.find((m) => m.name === "no-bias")!.source;
    const failLat: number[] = [];
    const diagLat: number[] = [];
    for (let i = 0; i < failing; i++) {
      const t0 = performance.now();
      const { job } = await enqueueSubmission(fresh.db, { userId: users[n++ % 2]!, assignmentId: fixture.assignmentId, code: `${noBias}\n// ${n}` });
      const done = waitGraded(fresh.db, [job.id], service.events, "failed");
      service.receiver.wake();
      await done;
      failLat.push(performance.now() - t0);
      for (;;) {
        const row = await fresh.db.gradingJob.findUniqueOrThrow({ where: { id: job.id }, select: { diagnoses: true } });
        if (row.diagnoses !== null) {
          if (!row.diagnoses.includes("mutant.no-bias")) throw new Error(`bench: diagnosis missed the no-bias hint: ${row.diagnoses.slice(0, 200)}`);
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      diagLat.push(performance.now() - t0);
    }
    progress(`concurrent: ${concurrent} submissions`);
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const all: Promise<void>[] = [];
    for (let i = 0; i < concurrent; i++) {
      const { job } = await enqueueSubmission(fresh.db, { userId: users[n++ % 2]!, assignmentId: fixture.assignmentId, code: `${exercise.solution}\n// ${n}` });
      all.push(waitGraded(fresh.db, [job.id], service.events));
      service.receiver.wake();
    }
    await Promise.all(all);
    const throughputPerS = concurrent / ((performance.now() - t1) / 1000);
    const cpu = process.cpuUsage(cpu0);
    progress(`trusted process CPU per submission (concurrent phase): ${((cpu.user + cpu.system) / 1000 / concurrent).toFixed(1)} ms`);
    await service.drain();
    const selfCpu = process.cpuUsage(cpuStart.self);
    const graded = sequential + concurrent + failing + 5;
    const trusted = (selfCpu.user + selfCpu.system) / 1000 / graded;
    const hosts = (service.pool.hostCpuMs - cpuStart.hosts) / graded;
    progress(
      `CPU per grading: trusted process ${trusted.toFixed(1)} ms (incl. enqueue) + sandbox hosts ${hosts.toFixed(1)} ms (start-up, warming, run) = ${(trusted + hosts).toFixed(1)} ms → at most ${((availableParallelism() * 1000) / (trusted + hosts)).toFixed(1)} gradings/s on ${availableParallelism()} idle cores`,
    );
    progress(`cold baseline: ${coldRuns} fresh node processes`);
    const cold: number[] = [];
    for (let i = 0; i < coldRuns; i++) cold.push(await coldOnce(join(EXERCISES_ROOT, "dense-forward", "solution.ts")));
    return {
      p50Ms: round(percentile(lat, 50)),
      p95Ms: round(percentile(lat, 95)),
      throughputPerS: round(throughputPerS),
      coldBaselineP50Ms: round(percentile(cold, 50)),
      submissions: sequential + concurrent,
      failingP50Ms: round(percentile(failLat, 50)),
      failingP95Ms: round(percentile(failLat, 95)),
      diagnosisP50Ms: round(percentile(diagLat, 50)),
      diagnosisP95Ms: round(percentile(diagLat, 95)),
      failingSubmissions: failing,
    };
  } finally {
    await service.drain();
    await fresh.dispose();
  }
}
