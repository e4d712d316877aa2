/**
 * Embedded queue: jobs live in the database; `concurrency` in-process workers claim them
 * atomically (claimNextJob), polling every `pollMs` and waking at once on wake(). A timer
 * requeues (or fails, after maxAttempts) jobs whose worker stopped heartbeating.
 */
import { claimNextJob, recoverStaleJobs, unclaimJob, type Db } from "@course/db";
import type { Logger } from "../log.ts";
import { processClaimedJob, type WorkerDeps } from "../worker.ts";
import type { Receiver } from "./receiver.ts";

export interface DbReceiverOptions {
  concurrency: number;
  pollMs: number;
  staleMs: number;
  recoverMs: number;
}

export class DbReceiver implements Receiver {
  readonly kind = "db" as const;
  private running = false;
  private inFlight = new Set<Promise<unknown>>();
  private wakeUp: (() => void) | undefined;
  /** A wake that came while the loop was not asleep (mid-claim): the next sleep is skipped, since
   *  the claim may have read the queue before that job was committed. */
  private wakePending = false;
  private loop: Promise<void> | undefined;
  private recoverTimer: NodeJS.Timeout | undefined;
  private db: Db;
  private log: Logger;

  constructor(
    private deps: WorkerDeps,
    private opts: DbReceiverOptions,
  ) {
    this.db = deps.db;
    this.log = deps.log;
  }

  get capacity(): number {
    return this.opts.concurrency;
  }

  active(): number {
    return this.inFlight.size;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    this.recoverTimer = setInterval(() => void this.recover(), this.opts.recoverMs);
  }

  async recover(): Promise<void> {
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

  wake(): void {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    if (w) w();
    else this.wakePending = true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.inFlight.size >= this.opts.concurrency) {
        await Promise.race(this.inFlight);
        continue;
      }
      let job;
      // Whatever a wake announced is visible to the claim that starts now.
      this.wakePending = false;
      try {
        job = await claimNextJob(this.db, this.deps.workerId);
      } catch (e) {
        this.log("error", "claim failed", { error: String(e) });
        await this.sleep(this.opts.pollMs * 4);
        continue;
      }
      if (!this.running) {
        // Claimed while stopping: give it straight back to the queue.
        if (job) await this.giveBack(job.jobId);
        break;
      }
      if (!job) {
        await this.sleep(this.opts.pollMs);
        continue;
      }
      const p: Promise<unknown> = processClaimedJob(this.deps, job)
        .catch((e: unknown) => this.log("error", "job processing crashed", { error: String(e) }))
        .finally(() => {
          this.inFlight.delete(p);
          // A slot freed: look for the next job at once.
          this.wake();
        });
      this.inFlight.add(p);
    }
  }

  private async giveBack(jobId: string): Promise<void> {
    await unclaimJob(this.db, jobId, this.deps.workerId);
  }

  /** Stop claiming, let in-flight gradings finish (they are short and bounded by the wall limit). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.recoverTimer) clearInterval(this.recoverTimer);
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }
}
