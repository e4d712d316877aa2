/**
 * `pnpm bench --json --only load`: 200 simulated students send 2,000 submissions in a burst
 * (correct, wrong, timing-out and hostile code) to grader processes on PostgreSQL + Redis
 * (BullMQ), first with one grader process pinned to core 0, then with two pinned to cores 0 and 1.
 *
 * Figures (`load`):
 *  - submissions: per run; lost: jobs of either run not graded at the end (failed or stuck);
 *    duplicated: jobs of either run stored more than once (a grader logged two stored grades
 *    for it, or its test results hold one test twice);
 *  - The burst is released at once: the BullMQ queue is paused while the 2,000 submissions are
 *    stored through the web app's path (on a loaded machine storing them takes minutes, and the
 *    graders would otherwise only ever see the storing rate), then resumed. Times count from the
 *    release, as if all 2,000 arrived at that instant (a job stored before it could not be seen);
 *  - p50Ms/p95Ms/p99Ms: release → stored grade, queueWaitP95Ms: release → claimed, both from
 *    the two-grader run (the scale-out setup); the one-grader figures go to stderr;
 *  - throughput1PerS/throughput2PerS: submissions / (last grade stored − release);
 *    scaling = throughput2PerS / throughput1PerS.
 */
import { Queue } from "bullmq";
import { availableParallelism } from "node:os";
import { QUEUE_NAME } from "../src/lib/queue/bullmq-receiver.ts";
import { burst, benchServices, percentile, prepareCourse, round, startGrader, waitFinished, type Progress } from "./fleet.ts";
import { LOAD_EXERCISES, buildWorkload, expected, loadPools, type Kind, type Submission } from "./workload.ts";

export interface LoadBenchOptions {
  students?: number;
  perStudent?: number;
  /** Concurrent gradings per grader process (GRADER_WORKERS). */
  workers?: number;
  onProgress?: Progress;
}

export interface LoadBenchResult {
  submissions: number;
  lost: number;
  duplicated: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  queueWaitP95Ms: number;
  throughput1PerS: number;
  throughput2PerS: number;
  scaling: number;
}

interface RunResult {
  lost: number;
  duplicated: number;
  unexpected: number;
  latencies: number[];
  queueWaits: number[];
  throughputPerS: number;
  byKind: Record<Kind, number>;
}

async function oneRun(postgresUrl: string, redisUrl: string, graders: number, work: Submission[], opts: Required<Omit<LoadBenchOptions, "onProgress">>, progress: Progress): Promise<RunResult> {
  const course = await prepareCourse(postgresUrl, opts.students + 1, LOAD_EXERCISES);
  const db = course.fresh.db;
  const prefix = `load-${graders}-${Date.now().toString(36)}`;
  const procs = [];
  try {
    for (let g = 0; g < graders; g++) {
      procs.push(await startGrader({ databaseUrl: course.fresh.config.url, redisUrl, prefix, id: `load-grader-${g}`, workers: opts.workers, core: g }));
    }
    // Warm-up from a student outside the measured ones: sandboxes warm, code cached, JIT done.
    const [warmStudent, ...students] = course.students;
    const warm = work.filter((s) => s.kind === "correct").slice(0, 6 * graders);
    await waitFinished(db, await burst(db, course, warm, [warmStudent!]), progress);
    progress(`${graders} grader(s): storing a burst of ${work.length} submissions from ${students.length} students (queue paused)`);
    const queue = new Queue(QUEUE_NAME, { connection: { url: redisUrl }, prefix });
    let released: number;
    let ids: string[];
    try {
      await queue.pause();
      ids = await burst(db, course, work, students);
      released = Date.now();
      await queue.resume();
    } finally {
      await queue.close();
    }
    progress(`${graders} grader(s): all ${ids.length} stored, released`);
    await waitFinished(db, ids, progress);
    const rows = await db.gradingJob.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, outcome: true, enqueuedAt: true, startedAt: true, finishedAt: true } });
    const kindOf = new Map(ids.map((id, i) => [id, work[i]!.kind]));
    const graded = rows.filter((r) => r.status === "graded" && r.finishedAt && r.startedAt);
    const dupRows = await db.$queryRaw<{ jobId: string }[]>`SELECT DISTINCT "jobId" FROM "TestResult" GROUP BY "jobId", "position" HAVING COUNT(*) > 1`;
    const duplicated = new Set(dupRows.map((r) => r.jobId));
    const storedBy = new Map<string, number>();
    for (const p of procs) for (const [id, n] of p.stored) storedBy.set(id, (storedBy.get(id) ?? 0) + n);
    for (const [id, n] of storedBy) if (n > 1 && kindOf.has(id)) duplicated.add(id);
    const byKind: Record<Kind, number> = { correct: 0, wrong: 0, timeout: 0, hostile: 0 };
    let unexpected = 0;
    for (const r of graded) {
      const kind = kindOf.get(r.id)!;
      byKind[kind]++;
      if (!expected(kind, r.outcome ?? "")) {
        unexpected++;
        if (unexpected <= 5) progress(`unexpected outcome ${r.outcome} for a ${kind} submission (${work[ids.indexOf(r.id)]!.exercise})`);
      }
    }
    const last = Math.max(...graded.map((r) => r.finishedAt!.getTime()));
    const since = (t: Date) => t.getTime() - released;
    return {
      lost: ids.length - graded.length,
      duplicated: [...duplicated].filter((id) => kindOf.has(id)).length,
      unexpected,
      latencies: graded.map((r) => since(r.finishedAt!)),
      queueWaits: graded.map((r) => since(r.startedAt!)),
      throughputPerS: graded.length / ((last - released) / 1000),
      byKind,
    };
  } finally {
    for (const p of procs) await p.stop();
    await course.fresh.dispose();
  }
}

export async function runLoadBench(options: LoadBenchOptions = {}): Promise<LoadBenchResult> {
  const progress = options.onProgress ?? (() => {});
  const opts = { students: options.students ?? 200, perStudent: options.perStudent ?? 10, workers: options.workers ?? 2 };
  if (availableParallelism() < 2) throw new Error("the load bench pins one grader per core and needs at least 2 cores");
  const pools = await loadPools();
  const count = opts.students * opts.perStudent;
  // 0.25 % time out (each holds a sandbox 10 s), 25 % wrong, 5 % hostile, the rest correct.
  const work = buildWorkload(pools, count, { wrong: 0.25, hostile: 0.05, timeouts: Math.max(1, Math.round(count / 400)) });
  const services = await benchServices(progress);
  try {
    const runs: RunResult[] = [];
    for (const graders of [1, 2]) {
      const r = await oneRun(services.postgresUrl, services.redisUrl, graders, work, opts, progress);
      progress(
        `${graders} grader(s): ${round(r.throughputPerS)}/s, p50 ${round(percentile(r.latencies, 50))} ms, p95 ${round(percentile(r.latencies, 95))} ms, queue wait p95 ${round(percentile(r.queueWaits, 95))} ms, lost ${r.lost}, duplicated ${r.duplicated}, unexpected outcomes ${r.unexpected}, graded ${JSON.stringify(r.byKind)}`,
      );
      runs.push(r);
    }
    const [one, two] = runs as [RunResult, RunResult];
    return {
      submissions: count,
      lost: one.lost + two.lost,
      duplicated: one.duplicated + two.duplicated,
      p50Ms: round(percentile(two.latencies, 50)),
      p95Ms: round(percentile(two.latencies, 95)),
      p99Ms: round(percentile(two.latencies, 99)),
      queueWaitP95Ms: round(percentile(two.queueWaits, 95)),
      throughput1PerS: round(one.throughputPerS),
      throughput2PerS: round(two.throughputPerS),
      scaling: Math.round((two.throughputPerS / one.throughputPerS) * 100) / 100,
    };
  } finally {
    await services.dispose();
  }
}

export function formatLoadTable(r: LoadBenchResult): string {
  const rows: [string, string, string][] = [
    ["submissions per run", String(r.submissions), ""],
    ["lost / duplicated", `${r.lost} / ${r.duplicated}`, "0 / 0"],
    ["p50 / p95 / p99 release → grade (2 graders)", `${r.p50Ms} / ${r.p95Ms} / ${r.p99Ms} ms`, ""],
    ["queue wait p95, release → claim (2 graders)", `${r.queueWaitP95Ms} ms`, ""],
    ["throughput 1 grader / 2 graders", `${r.throughput1PerS} / ${r.throughput2PerS} /s`, ""],
    ["scaling", `${r.scaling}x`, ">= 1.7x"],
  ];
  const w = Math.max(...rows.map((x) => x[0].length));
  let out = `load (a burst of ${r.submissions} submissions released at once, PostgreSQL + Redis, graders pinned one per core)\n`;
  for (const [k, v, target] of rows) out += `  ${k.padEnd(w)}  ${v.padStart(22)}  ${target}\n`;
  return out;
}
