/**
 * `pnpm bench --json --only soak`: 10,000 gradings on one grader process (PostgreSQL + Redis,
 * BullMQ, as in production), sent in batches of 100 by 50 students (correct, wrong and hostile
 * code; no timing-out code: 10 s each would make the run hours long without touching memory
 * differently). The grader's resident memory (VmRSS of the trusted process; sandbox hosts are
 * separate processes replaced every GRADER_JOBS_PER_HOST submissions) is read after each batch.
 *
 * Figures (`soak`):
 *  - gradings: grades stored; lost: jobs not graded at the end;
 *  - rssStartMb: after the warm-up (the first 500 gradings: JIT, code caches, pools fill up);
 *  - rssEndMb: after the last batch; growthPct = (end − start) / start × 100 (target < 10);
 *  - slopeKbPer1000: least-squares slope of RSS over gradings after the warm-up, KB per 1,000.
 */
import { benchServices, burst, prepareCourse, round, startGrader, waitFinished, type Progress } from "./fleet.ts";
import { LOAD_EXERCISES, buildWorkload, loadPools } from "./workload.ts";

export interface SoakBenchOptions {
  gradings?: number;
  batch?: number;
  warmup?: number;
  onProgress?: Progress;
}

export interface SoakBenchResult {
  gradings: number;
  lost: number;
  rssStartMb: number;
  rssEndMb: number;
  growthPct: number;
  slopeKbPer1000: number;
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

export async function runSoakBench(options: SoakBenchOptions = {}): Promise<SoakBenchResult> {
  const progress = options.onProgress ?? (() => {});
  const total = options.gradings ?? 10_000;
  const batch = options.batch ?? 100;
  const warmup = options.warmup ?? 500;
  const pools = await loadPools();
  const services = await benchServices(progress);
  const course = await prepareCourse(services.postgresUrl, 50, LOAD_EXERCISES);
  const db = course.fresh.db;
  const grader = await startGrader({ databaseUrl: course.fresh.config.url, redisUrl: services.redisUrl, prefix: `soak-${Date.now().toString(36)}`, id: "soak-grader", workers: 2 });
  try {
    const samples: [number, number][] = [];
    let sent = 0;
    let lost = 0;
    let rssStartKb = NaN;
    for (let b = 0; sent < total; b++) {
      const work = buildWorkload(pools, Math.min(batch, total - sent), { wrong: 0.25, hostile: 0.03, timeouts: 0 }, b + 1);
      const ids = await burst(db, course, work);
      await waitFinished(db, ids, progress);
      lost += ids.length - (await db.gradingJob.count({ where: { id: { in: ids }, status: "graded" } }));
      sent += ids.length;
      const rss = grader.rssKb();
      if (sent >= warmup) {
        if (Number.isNaN(rssStartKb)) rssStartKb = rss;
        samples.push([sent, rss]);
      }
      if (b % 10 === 0) progress(`soak: ${sent}/${total} gradings, grader RSS ${round(rss / 1024)} MB`);
    }
    const rssEndKb = samples.at(-1)![1];
    return {
      gradings: sent - lost,
      lost,
      rssStartMb: round(rssStartKb / 1024),
      rssEndMb: round(rssEndKb / 1024),
      growthPct: round(((rssEndKb - rssStartKb) / rssStartKb) * 100),
      slopeKbPer1000: round(slope(samples) * 1000),
    };
  } finally {
    await grader.stop();
    await course.fresh.dispose();
    await services.dispose();
  }
}

export function formatSoakTable(r: SoakBenchResult): string {
  const rows: [string, string, string][] = [
    ["gradings (lost)", `${r.gradings} (${r.lost})`, ""],
    ["grader RSS after warm-up → end", `${r.rssStartMb} → ${r.rssEndMb} MB`, ""],
    ["growth", `${r.growthPct} %`, "< 10 %"],
    ["slope", `${r.slopeKbPer1000} KB / 1000 gradings`, ""],
  ];
  const w = Math.max(...rows.map((x) => x[0].length));
  let out = "soak (one grader process, PostgreSQL + Redis)\n";
  for (const [k, v, target] of rows) out += `  ${k.padEnd(w)}  ${v.padStart(24)}  ${target}\n`;
  return out;
}
