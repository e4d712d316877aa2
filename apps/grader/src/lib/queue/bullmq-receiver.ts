/**
 * Scale-out queue: job ids travel on Redis through BullMQ 6; the database row still records the
 * claim, heartbeats and the grade (claimJob / completeJob), so "exactly once" is decided by the
 * row, not by Redis. Any number of grader processes may run this receiver.
 *
 * The database rows are the durable source of truth; Redis holds only a short window of them.
 * A dispatcher copies the first `window` runnable rows, in the rows' per-student fair order, onto
 * Redis (on wake, after every job and on a timer), with one BullMQ job id per attempt: ids already
 * on Redis are not added twice, a row requeued by stale-job recovery is dispatched again, and
 * after Redis restarts empty (no persistence) the next dispatch puts the still-queued rows back.
 * Keeping the window short keeps the fair order: BullMQ serves its list first in, first out, so a
 * whole backlog copied at once would serve one student's burst before a later student's job.
 */
import { Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { claimJob, listRunnableJobs, recoverStaleJobs, type Db } from "@course/db";
import type { Logger } from "../log.ts";
import { processClaimedJob, type WorkerDeps } from "../worker.ts";
import type { Receiver } from "./receiver.ts";

export const QUEUE_NAME = "course-grading";

export interface BullmqReceiverOptions {
  redisUrl: string;
  concurrency: number;
  pollMs: number;
  staleMs: number;
  recoverMs: number;
  /** Redis key prefix (GRADER_QUEUE_PREFIX; tests use their own). */
  prefix: string;
  /** Rows kept on Redis ahead of the workers (default: twice the concurrency). */
  window?: number;
}

interface Payload {
  jobId: string;
}

export class BullmqReceiver implements Receiver {
  readonly kind = "bullmq" as const;
  private queue: Queue<Payload>;
  private worker: Worker<Payload> | undefined;
  private producerConn: Redis;
  private workerConn: Redis;
  private dispatchTimer: NodeJS.Timeout | undefined;
  private recoverTimer: NodeJS.Timeout | undefined;
  private dispatching: Promise<void> | undefined;
  private dispatchAgain = false;
  private stopping = false;
  private inFlight = 0;
  private db: Db;
  private log: Logger;

  constructor(
    private deps: WorkerDeps,
    private opts: BullmqReceiverOptions,
  ) {
    this.db = deps.db;
    this.log = deps.log;
    this.producerConn = new Redis(opts.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.workerConn = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue<Payload>(QUEUE_NAME, { connection: this.producerConn, prefix: opts.prefix });
    // While Redis is down both connections report errors; without a listener they would crash the
    // process. The rows are safe in the database and dispatch resumes when Redis is back.
    this.queue.on("error", (e) => this.logRedisError("bullmq queue error", e));
  }

  private lastRedisErrorLog = 0;

  /** At most one line a second while Redis is unreachable (reconnects retry much more often). */
  private logRedisError(what: string, e: unknown): void {
    const now = Date.now();
    if (now - this.lastRedisErrorLog < 1000) return;
    this.lastRedisErrorLog = now;
    this.log("error", what, { error: String(e) });
  }

  get capacity(): number {
    return this.opts.concurrency;
  }

  active(): number {
    return this.inFlight;
  }

  async start(): Promise<void> {
    if (this.worker) return;
    this.worker = new Worker<Payload>(QUEUE_NAME, (job) => this.handle(job), {
      connection: this.workerConn,
      concurrency: this.opts.concurrency,
      prefix: this.opts.prefix,
      removeOnComplete: { count: 0 },
      removeOnFail: { count: 1000 },
      // The row's heartbeat decides staleness; BullMQ's own lock only guards Redis bookkeeping.
      lockDuration: Math.max(30_000, this.opts.staleMs),
    });
    this.worker.on("error", (e) => this.logRedisError("bullmq worker error", e));
    this.dispatchTimer = setInterval(() => this.wake(), this.opts.pollMs);
    this.recoverTimer = setInterval(() => void this.recover(), this.opts.recoverMs);
    await this.worker.waitUntilReady();
    this.wake();
  }

  /** Put the first runnable queued rows on Redis (idempotent: one BullMQ job id per row attempt). */
  wake(): void {
    if (this.stopping) return;
    if (this.dispatching) {
      // A job ended or was enqueued during this dispatch: look again once it is done.
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = this.dispatch()
      .catch((e: unknown) => this.logRedisError("dispatch failed", e))
      .finally(() => {
        this.dispatching = undefined;
        if (this.dispatchAgain) {
          this.dispatchAgain = false;
          this.wake();
        }
      });
  }

  async dispatch(): Promise<void> {
    const rows = await listRunnableJobs(this.db, new Date(), this.opts.window ?? 2 * this.opts.concurrency);
    if (rows.length === 0) return;
    await this.queue.addBulk(
      rows.map((r) => ({
        name: "grade",
        data: { jobId: r.id },
        opts: { jobId: `${r.id}-${r.attempts}`, removeOnComplete: true, removeOnFail: 1000, attempts: 1 },
      })),
    );
  }

  private async recover(): Promise<void> {
    try {
      const r = await recoverStaleJobs(this.db, this.opts.staleMs);
      if (r.requeued.length || r.failed.length) {
        this.log("warn", "recovered stale jobs", r);
        this.wake();
      }
    } catch (e) {
      this.log("error", "stale job recovery failed", { error: String(e) });
    }
  }

  private async handle(job: Job<Payload>): Promise<string> {
    // BullMQ may hand over one more job while closing: leave its row queued for another grader.
    if (this.stopping) return "left for another grader";
    let claimed;
    try {
      claimed = await claimJob(this.db, job.data.jobId, this.deps.workerId);
    } catch (e) {
      // The database is unreachable: finish this BullMQ job so its id is free again; the row is
      // still queued and the next dispatch puts it back (a failed job's id would block that).
      this.log("error", "claim failed", { jobId: job.data.jobId, error: String(e) });
      return "claim failed";
    }
    // Someone else has it (or it is finished): the row decides, nothing to do.
    if (!claimed) return "skipped";
    this.inFlight++;
    try {
      return await processClaimedJob(this.deps, claimed);
    } finally {
      this.inFlight--;
      // Refill the window as it drains.
      this.wake();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.dispatchTimer) clearInterval(this.dispatchTimer);
    if (this.recoverTimer) clearInterval(this.recoverTimer);
    await this.dispatching;
    // close() stops fetching and waits for the active jobs to finish.
    await this.worker?.close();
    await this.queue.close();
    this.producerConn.disconnect();
    this.workerConn.disconnect();
  }
}
