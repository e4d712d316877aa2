/**
 * The scale-out setup for the load and soak benchmarks: PostgreSQL + Redis (the TEST_* servers
 * when both are given, else our own throwaway ones), a course with many students, grader
 * processes started from main.ts exactly as in production (optionally pinned to one core each
 * with taskset), and the submissions sent through enqueueSubmission, the web app's path.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { enqueueSubmission, type Db } from "@course/db";
import { loadDemoContent, seedDemo } from "@course/db/seed";
import { freshPostgres, type FreshDb } from "@course/db/testing";
import { startPostgres, startRedis } from "../src/testing/servers.ts";
import type { Submission } from "./workload.ts";

const here = dirname(fileURLToPath(import.meta.url));
const GRADER_MAIN = join(here, "..", "src", "main.ts");

export type Progress = (msg: string) => void;

const BenchEnvSchema = z.object({
  TEST_POSTGRES_URL: z.string().startsWith("postgres").optional(),
  TEST_REDIS_URL: z.string().regex(/^rediss?:\/\//).optional(),
});

export interface Services {
  postgresUrl: string;
  redisUrl: string;
  dispose(): Promise<void>;
}

/** The TEST_* servers when both are set, else a PostgreSQL cluster and a Redis of our own. */
export async function benchServices(progress: Progress): Promise<Services> {
  const env = BenchEnvSchema.parse(process.env);
  if (env.TEST_POSTGRES_URL && env.TEST_REDIS_URL) {
    progress("using TEST_POSTGRES_URL and TEST_REDIS_URL");
    return { postgresUrl: env.TEST_POSTGRES_URL, redisUrl: env.TEST_REDIS_URL, dispose: async () => {} };
  }
  progress("starting a PostgreSQL cluster and a Redis server of our own (TEST_* URLs not given)");
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  return {
    postgresUrl: pg.url,
    redisUrl: redis.url,
    async dispose() {
      await Promise.all([pg.dispose(), redis.dispose()]);
    },
  };
}

export interface Course {
  fresh: FreshDb;
  students: string[];
  /** Assignment id by exercise id. */
  assignments: Map<string, string>;
}

/** A new database with the demo course (real exercise versions) and `count` enrolled students. */
export async function prepareCourse(postgresUrl: string, count: number, exerciseIds: readonly string[]): Promise<Course> {
  const fresh = await freshPostgres(postgresUrl);
  const db = fresh.db;
  const { courseId } = await seedDemo(db, await loadDemoContent());
  const tag = Date.now().toString(36);
  await db.user.createMany({ data: Array.from({ length: count }, (_, i) => ({ email: `load-${tag}-${i}@example.com`, name: `Student ${i}`, passwordHash: "x" })) });
  const users = await db.user.findMany({ where: { email: { startsWith: `load-${tag}-` } }, select: { id: true }, orderBy: { email: "asc" } });
  await db.enrollment.createMany({ data: users.map((u) => ({ userId: u.id, courseId, role: "student" })) });
  const rows = await db.assignment.findMany({ where: { courseId, exercise: { slug: { in: [...exerciseIds] } } }, select: { id: true, exercise: { select: { slug: true } } } });
  // No attempt limit: a student may send many submissions to one exercise here.
  await db.assignment.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { maxAttempts: null } });
  const assignments = new Map(rows.map((r) => [r.exercise.slug, r.id]));
  for (const id of exerciseIds) if (!assignments.has(id)) throw new Error(`the demo course has no assignment for ${id}`);
  return { fresh, students: users.map((u) => u.id), assignments };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const GradedLineSchema = z.object({ msg: z.literal("graded"), jobId: z.string(), stored: z.boolean() });

export interface GraderProcess {
  pid: number;
  /** Grades this process stored, by job id (a job stored twice would show 2). */
  stored: Map<string, number>;
  rssKb(): number;
  stop(): Promise<number | null>;
}

/** A grader process (main.ts) on BullMQ, pinned to `core` with taskset when given. */
export async function startGrader(opts: { databaseUrl: string; redisUrl: string; prefix: string; id: string; workers: number; core?: number }): Promise<GraderProcess> {
  const node = [process.execPath, "--no-node-snapshot", "--import", "tsx", GRADER_MAIN];
  const [cmd, ...args] = opts.core === undefined ? node : ["taskset", "-c", String(opts.core), ...node];
  const child: ChildProcess = spawn(cmd!, args, {
    cwd: join(here, ".."),
    env: {
      PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
      DATABASE_URL: opts.databaseUrl,
      QUEUE_DRIVER: "bullmq",
      REDIS_URL: opts.redisUrl,
      GRADER_QUEUE_PREFIX: opts.prefix,
      GRADER_WORKER_ID: opts.id,
      GRADER_WORKERS: String(opts.workers),
      GRADER_PORT: "0",
      GRADER_POLL_MS: "50",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const stored = new Map<string, number>();
  let started = false;
  let rest = "";
  let tail = "";
  child.stderr!.on("data", (d: Buffer) => {
    const lines = (rest + d.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      tail = (tail + line + "\n").slice(-4000);
      if (line.includes('"grader started"')) started = true;
      if (!line.includes('"graded"')) continue;
      const parsed = GradedLineSchema.safeParse(parseJson(line));
      if (parsed.success && parsed.data.stored) stored.set(parsed.data.jobId, (stored.get(parsed.data.jobId) ?? 0) + 1);
    }
  });
  const exit = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const end = Date.now() + 120_000;
  while (!started) {
    if (child.exitCode !== null) throw new Error(`grader ${opts.id} exited at start:\n${tail}`);
    if (Date.now() > end) throw new Error(`grader ${opts.id} did not start in 120 s:\n${tail}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    pid: child.pid!,
    stored,
    rssKb: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? NaN),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exit;
    },
  };
}

/**
 * How many submissions are being stored at once: the web app's database pool (pg's default, 10
 * connections) bounds it the same way. With every student's request waiting on the pool at once,
 * a machine under heavy load kept some waiting longer than Prisma's transaction wait allows.
 */
const STORING_AT_ONCE = 10;
let sent = 0;

/** Sends each student's share of `work` one after another, all students at once (a burst). */
export async function burst(db: Db, course: Course, work: Submission[], students = course.students): Promise<string[]> {
  const per = Math.ceil(work.length / students.length);
  let free = STORING_AT_ONCE;
  const waiting: (() => void)[] = [];
  const store = async (userId: string, sub: Submission) => {
    if (free === 0) await new Promise<void>((r) => waiting.push(r));
    else free--;
    try {
      // A numbered comment keeps each stored code unique: an identical resubmission is not stored.
      return (await enqueueSubmission(db, { userId, assignmentId: course.assignments.get(sub.exercise)!, code: `${sub.code}\n// ${++sent}` })).job.id;
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
  const ids: string[][] = await Promise.all(
    students.map(async (userId, s) => {
      const mine: string[] = [];
      for (const sub of work.slice(s * per, (s + 1) * per)) mine.push(await store(userId, sub));
      return mine;
    }),
  );
  return ids.flat();
}

/** Waits until every job is graded or failed, or nothing moved for `stallMs`. */
export async function waitFinished(db: Db, ids: string[], progress: Progress, stallMs = 120_000): Promise<void> {
  let done = -1;
  let movedAt = Date.now();
  let said = 0;
  for (;;) {
    const now = await db.gradingJob.count({ where: { id: { in: ids }, status: { in: ["graded", "failed"] } } });
    if (now !== done) movedAt = Date.now();
    done = now;
    if (done === ids.length) return;
    if (Date.now() - movedAt > stallMs) {
      progress(`no progress for ${stallMs / 1000} s: ${ids.length - done} jobs unfinished`);
      return;
    }
    if (Date.now() - said > 10_000) {
      said = Date.now();
      progress(`${done}/${ids.length} finished`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

export const round = (x: number) => Math.round(x * 10) / 10;
