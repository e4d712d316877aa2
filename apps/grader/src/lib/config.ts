/**
 * The grader's configuration: the ONLY module that reads process.env. Parsed once with zod at
 * start-up; a bad value stops the process with an error naming the variable.
 */
import { availableParallelism, hostname } from "node:os";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, DbConfigSchema, parseWith } from "@course/db";
import type { SandboxSettings } from "./sandbox/pool.ts";

const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const EnvSchema = z
  .object({
    GRADER_PORT: int("GRADER_PORT", 0, 65535).default(4100),
    GRADER_HOST: z.string().min(1).default("127.0.0.1"),
    // Gradings wait on the database and on sandbox processes: two per core keeps the cores busy.
    GRADER_WORKERS: int("GRADER_WORKERS", 1, 64).default(Math.max(2, 2 * availableParallelism())),
    GRADER_TOKEN: z.string().min(16, "GRADER_TOKEN must be at least 16 characters").optional(),
    GRADER_WORKER_ID: z.string().min(1).max(200).default(`${hostname()}:${process.pid}`),
    DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
    QUEUE_DRIVER: z.enum(["db", "bullmq"], { error: 'QUEUE_DRIVER must be "db" or "bullmq"' }).default("db"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional(),
    // Lets several deployments (or benchmark runs) share one Redis without taking each other's jobs.
    GRADER_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "GRADER_QUEUE_PREFIX must be 1-64 letters, digits, _ or -").default("bull"),
    GRADER_SANDBOX: z.enum(["auto", "bwrap", "isolate"], { error: 'GRADER_SANDBOX must be "auto", "bwrap" or "isolate"' }).default("auto"),
    GRADER_BWRAP_PATH: z.string().min(1).default("/usr/bin/bwrap"),
    GRADER_POOL_SIZE: int("GRADER_POOL_SIZE", 1, 64).optional(),
    GRADER_FULL_POOL_SIZE: int("GRADER_FULL_POOL_SIZE", 0, 64).default(1),
    GRADER_AUTHOR_POOL_SIZE: int("GRADER_AUTHOR_POOL_SIZE", 1, 64).default(1),
    // Course code (drawing inputs, references, custom checks) is fast; a generator that never
    // returns is stopped here and reported as the exercise's fault.
    GRADER_COURSE_WALL_MS: int("GRADER_COURSE_WALL_MS", 100, 600_000).default(10_000),
    GRADER_MEMORY_MB: int("GRADER_MEMORY_MB", 16, 4096).default(256),
    GRADER_JOBS_PER_HOST: int("GRADER_JOBS_PER_HOST", 1, 10_000).default(32),
    GRADER_WALL_MS: int("GRADER_WALL_MS", 100, 600_000).default(10_000),
    GRADER_POLL_MS: int("GRADER_POLL_MS", 10, 60_000).default(250),
    GRADER_HEARTBEAT_MS: int("GRADER_HEARTBEAT_MS", 100, 600_000).default(2_000),
    GRADER_STALE_MS: int("GRADER_STALE_MS", 500, 3_600_000).default(20_000),
    GRADER_RECOVER_MS: int("GRADER_RECOVER_MS", 100, 600_000).default(5_000),
    GRADER_MAX_ATTEMPTS: int("GRADER_MAX_ATTEMPTS", 1, 20).default(3),
    GRADER_DRAIN_MS: int("GRADER_DRAIN_MS", 0, 600_000).default(30_000),
  })
  .superRefine((e, ctx) => {
    if (e.QUEUE_DRIVER === "bullmq" && !e.REDIS_URL) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "REDIS_URL is required when QUEUE_DRIVER=bullmq" });
    }
    const db = DbConfigSchema.safeParse({ url: e.DATABASE_URL });
    if (!db.success) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: db.error.issues[0]?.message ?? "invalid" });
  });

export interface GraderConfig {
  port: number;
  host: string;
  workers: number;
  token: string | undefined;
  workerId: string;
  db: z.output<typeof DbConfigSchema>;
  queue: { driver: "db" | "bullmq"; redisUrl: string | undefined; prefix: string; pollMs: number; heartbeatMs: number; staleMs: number; recoverMs: number; maxAttempts: number; drainMs: number };
  sandbox: Partial<SandboxSettings>;
  /** Wall-clock limit of one course-code job (plan or custom checks) in the author sandbox. */
  courseCodeWallMs: number;
}

/** Parse the environment (or any record, for tests). Throws a ConfigError naming bad variables. */
export function loadConfig(env: Record<string, string | undefined> = process.env): GraderConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const e = parseWith(EnvSchema, clean, "grader configuration (environment)");
  return {
    port: e.GRADER_PORT,
    host: e.GRADER_HOST,
    workers: e.GRADER_WORKERS,
    token: e.GRADER_TOKEN,
    workerId: e.GRADER_WORKER_ID,
    db: DbConfigSchema.parse({ url: e.DATABASE_URL }),
    queue: {
      driver: e.QUEUE_DRIVER,
      redisUrl: e.REDIS_URL,
      prefix: e.GRADER_QUEUE_PREFIX,
      pollMs: e.GRADER_POLL_MS,
      heartbeatMs: e.GRADER_HEARTBEAT_MS,
      staleMs: e.GRADER_STALE_MS,
      recoverMs: e.GRADER_RECOVER_MS,
      maxAttempts: e.GRADER_MAX_ATTEMPTS,
      drainMs: e.GRADER_DRAIN_MS,
    },
    sandbox: sandboxSettings(e),
    courseCodeWallMs: e.GRADER_COURSE_WALL_MS,
  };
}

function sandboxSettings(e: z.output<typeof EnvSchema>): Partial<SandboxSettings> {
  return {
    poolSize: e.GRADER_POOL_SIZE ?? e.GRADER_WORKERS,
    fullPoolSize: e.GRADER_FULL_POOL_SIZE,
    authorPoolSize: e.GRADER_AUTHOR_POOL_SIZE,
    bwrap: e.GRADER_SANDBOX === "bwrap" ? "on" : e.GRADER_SANDBOX === "isolate" ? "off" : "auto",
    bwrapPath: e.GRADER_BWRAP_PATH,
    memoryMb: e.GRADER_MEMORY_MB,
    wallMs: e.GRADER_WALL_MS,
    jobsPerHost: e.GRADER_JOBS_PER_HOST,
  };
}

const CliEnvSchema = z.object({
  INIT_CWD: z.string().min(1).optional(),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  NO_COLOR: z.string().optional(),
  FORCE_COLOR: z.string().optional(),
  GRADER_SANDBOX: z.enum(["auto", "bwrap", "isolate"], { error: 'GRADER_SANDBOX must be "auto", "bwrap" or "isolate"' }).default("auto"),
  GRADER_BWRAP_PATH: z.string().min(1).default("/usr/bin/bwrap"),
});

/** What the `grade` and `exercise` CLIs take from the environment. */
export function loadCliEnv(env: Record<string, string | undefined> = process.env) {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const e = parseWith(CliEnvSchema, clean, "grade CLI environment");
  return {
    cwd: e.INIT_CWD ?? process.cwd(),
    /** Parsed only by the commands that use the database (a bad URL names DATABASE_URL). */
    databaseUrl: e.DATABASE_URL,
    noColor: e.NO_COLOR !== undefined,
    forceColor: e.FORCE_COLOR !== undefined && e.FORCE_COLOR !== "0",
    sandbox: {
      bwrap: e.GRADER_SANDBOX === "bwrap" ? "on" : e.GRADER_SANDBOX === "isolate" ? "off" : "auto",
      bwrapPath: e.GRADER_BWRAP_PATH,
    } satisfies Partial<SandboxSettings>,
  };
}
