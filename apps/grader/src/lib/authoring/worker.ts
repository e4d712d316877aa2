/**
 * Runs instructors' authoring jobs (check, preview, publish) one at a time, taken from the
 * database. Progress lines are written to the job row as they come (at most every 250 ms), so the
 * editor shows them live; a job whose grader stopped is failed with a reason, not left running.
 */
import {
  claimAuthoringJob,
  failStaleAuthoringJobs,
  finishAuthoringJob,
  recordAuthoringProgress,
  type ClaimedAuthoringJob,
  type Db,
} from "@course/db";
import type { GradingEngine } from "../grading.ts";
import type { Logger } from "../log.ts";
import { AuthoringProblem, runCheck, runPreview, runPublish } from "./jobs.ts";

export interface AuthoringWorkerOptions {
  db: Db;
  engine: GradingEngine;
  workerId: string;
  log: Logger;
  pollMs?: number;
  /** A running job whose heartbeat is older than this failed with its grader. */
  staleMs?: number;
}

const PROGRESS_EVERY_MS = 250;
const MAX_PROGRESS_LINES = 2000;

export class AuthoringWorker {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private opts: AuthoringWorkerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Finishes the job in hand, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { db, log } = this.opts;
    const pollMs = this.opts.pollMs ?? 500;
    const staleMs = this.opts.staleMs ?? 120_000;
    let lastSweep = 0;
    while (!this.stopped) {
      try {
        // A write, so not on every poll: it would contend with the grading queue's writes.
        if (Date.now() - lastSweep >= staleMs / 4) {
          lastSweep = Date.now();
          await failStaleAuthoringJobs(db, new Date(Date.now() - staleMs));
        }
        const job = await claimAuthoringJob(db, this.opts.workerId);
        if (job) {
          await this.runJob(job);
          continue;
        }
      } catch (e) {
        log("error", "authoring job loop", { error: (e as Error).message });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async runJob(job: ClaimedAuthoringJob): Promise<void> {
    const { db, engine, log } = this.opts;
    const lines: string[] = [];
    let written = 0;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const flush = (): void => {
      if (written === lines.length) return;
      written = lines.length;
      lastWrite = Date.now();
      const snapshot = lines.slice(-MAX_PROGRESS_LINES);
      writing = writing
        .then(() => recordAuthoringProgress(db, job.id, snapshot))
        .catch(() => undefined);
    };
    const onProgress = (line: string): void => {
      lines.push(line.slice(0, 1000));
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) flush();
    };
    const beat = setInterval(flush, 5_000);
    const t0 = performance.now();
    try {
      const result =
        job.kind === "check"
          ? await runCheck(engine, job, onProgress)
          : job.kind === "preview"
            ? await runPreview(engine, job)
            : await runPublish(db, engine, job);
      clearInterval(beat);
      await writing;
      await finishAuthoringJob(db, job.id, {
        status: "done",
        result,
        progress: lines.slice(-MAX_PROGRESS_LINES),
      });
      log("info", "authoring job done", {
        jobId: job.id,
        kind: job.kind,
        ms: Math.round(performance.now() - t0),
      });
    } catch (e) {
      clearInterval(beat);
      await writing;
      const error =
        e instanceof AuthoringProblem
          ? e.message
          : `The grader could not run this ${job.kind}: ${(e as Error).message}`;
      await finishAuthoringJob(db, job.id, {
        status: "failed",
        error: error.slice(0, 10_000),
        progress: lines.slice(-MAX_PROGRESS_LINES),
      }).catch(() => undefined);
      log(e instanceof AuthoringProblem ? "info" : "error", "authoring job failed", {
        jobId: job.id,
        kind: job.kind,
        error: (e as Error).message,
      });
    }
  }
}
