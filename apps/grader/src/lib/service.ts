/**
 * The start-up sequence, shared by main.ts and the tests: database → sandbox pool → queue
 * receiver → HTTP app; and the drain sequence (SIGTERM): stop claiming, finish in-flight jobs,
 * close the pool, the server and the database.
 */
import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, type Db } from "@course/db";
import type { Exercise } from "@course/exercise-kit";
import { loadExercise as loadCourseExercise } from "@course/exercises";
import type { GraderConfig } from "./config.ts";
import { createApp } from "./http/app.ts";
import type { Logger } from "./log.ts";
import { BullmqReceiver } from "./queue/bullmq-receiver.ts";
import { DbReceiver } from "./queue/db-receiver.ts";
import type { Receiver } from "./queue/receiver.ts";
import { SandboxPool } from "./sandbox/pool.ts";

export interface Service {
  db: Db;
  pool: SandboxPool;
  receiver: Receiver;
  server: Server;
  handler: ReturnType<typeof createApp>;
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
  loadExercise?: (slug: string) => Promise<Exercise>;
  /** Listen on config.host:config.port (false: build everything but do not listen). */
  listen?: boolean;
  bullmqPrefix?: string;
}

export async function startService(opts: ServiceOptions): Promise<Service> {
  const { config, log } = opts;
  const db = opts.db ?? createDb(config.db);
  const pool = await SandboxPool.start(config.sandbox, log);
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const deps = {
    onJobEnd: (jobId: string, end: string) => events.emit("job-end", jobId, end),
    db,
    pool,
    loadExercise: opts.loadExercise ?? loadCourseExercise,
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
    sandboxStatus: () => pool.status(),
    maxJobAttempts: q.maxAttempts,
    isDraining: () => draining,
  });
  const server = createServer(handler);
  await receiver.start();
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
    receiver,
    server,
    handler,
    events,
    url: () => `http://${config.host}:${(server.address() as AddressInfo).port}`,
    drain: () =>
      (drained ??= (async () => {
        draining = true;
        log("info", "draining: no new jobs, finishing in-flight ones", { active: receiver.active() });
        await receiver.stop();
        await pool.close();
        await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
        server.closeAllConnections();
        if (!opts.db) await db.$disconnect();
        log("info", "drained");
      })()),
  };
}
