/**
 * The start-up sequence, shared by main.ts and the tests: database → sandbox pool → queue
 * receiver → HTTP app; and the drain sequence (SIGTERM): stop claiming, finish in-flight jobs,
 * close the pool, the server and the database.
 */
import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, queueDepth, type Db } from "@course/db";
import { AuthoringWorker } from "./authoring/worker.ts";
import type { GraderConfig } from "./config.ts";
import { fillPublicFixtures } from "./course/fixtures.ts";
import { CourseSandbox, type CourseVersion } from "./course/runner.ts";
import { dbVersionLoader } from "./course/versions.ts";
import type { GradingEngine } from "./grading.ts";
import { createApp } from "./http/app.ts";
import type { Logger } from "./log.ts";
import { createMetrics, type GraderMetrics } from "./metrics.ts";
import { BullmqReceiver } from "./queue/bullmq-receiver.ts";
import { DbReceiver } from "./queue/db-receiver.ts";
import type { Receiver } from "./queue/receiver.ts";
import { SandboxPool } from "./sandbox/pool.ts";

export interface Service {
  db: Db;
  pool: SandboxPool;
  engine: GradingEngine;
  receiver: Receiver;
  server: Server;
  handler: ReturnType<typeof createApp>;
  metrics: GraderMetrics;
  /** Emits "job-end" (jobId, "graded" | "lost" | "requeued" | "failed"). */
  events: EventEmitter;
  url: () => string;
  /** Stop claiming, finish in-flight jobs, close everything. Idempotent. */
  drain: () => Promise<void>;
}

export interface ServiceOptions {
  config: GraderConfig;
  log: Logger;
  db?: Db;
  /** How a job's exercise version is loaded (default: from the database, cached by content hash). */
  loadVersion?: (versionId: string, contentHash: string) => Promise<CourseVersion>;
  /** Listen on config.host:config.port (false: build everything but do not listen). */
  listen?: boolean;
  bullmqPrefix?: string;
}

export async function startService(opts: ServiceOptions): Promise<Service> {
  const { config, log } = opts;
  const db = opts.db ?? createDb(config.db);
  const pool = await SandboxPool.start(config.sandbox, log);
  const engine: GradingEngine = { pool, course: new CourseSandbox(pool, { wallMs: config.courseCodeWallMs }) };
  // One cache of compiled versions for the fixtures filled at start and the gradings after.
  const dbVersions = dbVersionLoader(db);
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const metrics = createMetrics({
    queueDepth: () => queueDepth(db),
    capacity: config.workers,
    sandbox: () => pool.status(),
  });
  const deps = {
    metrics,
    onJobEnd: (jobId: string, end: string) => events.emit("job-end", jobId, end),
    db,
    engine,
    loadVersion: opts.loadVersion ?? dbVersions,
    workerId: config.workerId,
    heartbeatMs: config.queue.heartbeatMs,
    log,
  };
  const q = config.queue;
  const receiver: Receiver =
    q.driver === "bullmq"
      ? new BullmqReceiver(deps, {
          redisUrl: q.redisUrl!,
          concurrency: config.workers,
          pollMs: q.pollMs,
          staleMs: q.staleMs,
          recoverMs: q.recoverMs,
          prefix: opts.bullmqPrefix ?? q.prefix,
        })
      : new DbReceiver(deps, { concurrency: config.workers, pollMs: q.pollMs, staleMs: q.staleMs, recoverMs: q.recoverMs });
  let draining = false;
  const handler = createApp({
    db,
    token: config.token,
    receiver,
    metrics,
    sandboxStatus: () => pool.status(),
    maxJobAttempts: q.maxAttempts,
    isDraining: () => draining,
  });
  const server = createServer(handler);
  // Publishing finishes here for versions recorded without public fixtures (the seed's, say),
  // before the grader reports healthy: the web app's pre-check needs them.
  const filled = await fillPublicFixtures(db, engine.course, log, dbVersions);
  if (filled > 0) log("info", "public fixtures computed", { versions: filled });
  await receiver.start();
  const authoring = new AuthoringWorker({ db, engine, workerId: config.workerId, log });
  authoring.start();
  if (opts.listen !== false) {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
  }
  const status = pool.status();
  log("info", "grader started", {
    queue: q.driver,
    workers: config.workers,
    sandbox: status.bwrap ? "isolated-vm in bubblewrap" : "isolated-vm WITHOUT bubblewrap",
    bwrap: status.bwrapNote,
    ...(opts.listen !== false ? { port: (server.address() as AddressInfo).port } : {}),
  });
  let drained: Promise<void> | undefined;
  return {
    db,
    pool,
    engine,
    receiver,
    server,
    handler,
    metrics,
    events,
    url: () => `http://${config.host}:${(server.address() as AddressInfo).port}`,
    drain: () =>
      (drained ??= (async () => {
        draining = true;
        log("info", "draining: no new jobs, finishing in-flight ones", { active: receiver.active() });
        await Promise.all([receiver.stop(), authoring.stop()]);
        await pool.close();
        await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
        server.closeAllConnections();
        if (!opts.db) await db.$disconnect();
        log("info", "drained");
      })()),
  };
}
