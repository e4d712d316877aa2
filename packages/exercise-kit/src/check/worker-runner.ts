/**
 * The in-process runner with a wall-clock limit: grading runs in a worker thread that is
 * terminated (and replaced) when a source exceeds the exercise's wall-time limit, which then
 * counts as a timeout, as the grader would report it. Planning stays in this thread.
 */
import { Worker } from "node:worker_threads";
import { z } from "zod";
import type { Exercise } from "../exercise.ts";
import { planGrading } from "../plan.ts";
import { GradeReportSchema, type GradeReport } from "../report.ts";
import type { ExerciseRunner, GradeOptions } from "./runner.ts";

const ReplySchema = z.union([
  z.object({ ready: z.literal(true) }),
  z.object({ id: z.number(), report: GradeReportSchema }),
  z.object({ id: z.number(), error: z.string() }),
]);

export interface ClosableRunner extends ExerciseRunner {
  close(): Promise<void>;
}

/**
 * Gradings one worker serves before it is replaced. Every grading imports its compiled source as a
 * new module (Node never unloads one) and keeps whatever tensors the source leaked (a correct
 * solution need not use tf.tidy): in one long-lived worker that heap only grows, and a check with
 * a few alternatives on 40 seeds ran a later mutant out of the 128 MB, reporting a memory limit
 * that was not the mutant's. The grader gives each submission a fresh isolate; this comes close.
 */
const GRADINGS_PER_WORKER = 60;

export function workerRunner(exercise: Exercise, options: { timeoutMs?: number; gradingsPerWorker?: number } = {}): ClosableRunner {
  const timeoutMs = options.timeoutMs ?? exercise.manifest.limits.wallMs;
  const gradingsPerWorker = options.gradingsPerWorker ?? GRADINGS_PER_WORKER;
  let worker: Promise<Worker> | undefined;
  let next = 0;
  let served = 0;

  const start = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const w = new Worker(new URL("./grade-worker.mjs", import.meta.url), {
        workerData: { dir: exercise.dir },
        stderr: false,
        // A mutant that grows an array without end must hit this heap limit (a catchable worker
        // error) before V8's array-size limit, which aborts the whole process, check and all.
        resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
      });
      const onMessage = (m: unknown): void => {
        if ((m as { ready?: unknown } | null)?.ready !== true) return;
        w.off("message", onMessage);
        w.off("error", reject);
        resolve(w);
      };
      w.on("message", onMessage);
      w.once("error", reject);
    });

  const timeoutReport = (o: GradeOptions): GradeReport => ({
    exerciseId: exercise.manifest.id,
    status: "timeout",
    score: 0,
    maxScore: 1,
    seed: o.seed,
    durationMs: timeoutMs,
    tests: [],
    message: `Time limit exceeded (${timeoutMs} ms)`,
  });

  return {
    plan: (seed, visibility) => Promise.resolve(planGrading(exercise, { seed, visibility })),
    async grade(source, o) {
      if (worker !== undefined && served >= gradingsPerWorker) {
        const old = worker;
        worker = undefined;
        void old.then((w) => w.terminate());
      }
      if (worker === undefined) {
        worker = start();
        served = 0;
      }
      served++;
      const w = await worker;
      const id = ++next;
      return new Promise<GradeReport>((resolve, reject) => {
        const timer = setTimeout(() => {
          w.off("message", onMessage);
          w.off("error", onError);
          worker = undefined;
          void w.terminate();
          resolve(timeoutReport(o));
        }, timeoutMs);
        const onMessage = (m: unknown): void => {
          const reply = ReplySchema.parse(m);
          if (!("id" in reply) || reply.id !== id) return;
          clearTimeout(timer);
          w.off("message", onMessage);
          w.off("error", onError);
          if ("error" in reply) reject(new Error(reply.error));
          else resolve(reply.report);
        };
        // The submission exhausted the worker's heap: it failed, like a sandbox memory limit.
        const onError = (e: Error): void => {
          clearTimeout(timer);
          w.off("message", onMessage);
          worker = undefined;
          resolve({ ...timeoutReport(o), status: "memory_limit", message: `Memory limit exceeded (${e.message})` });
        };
        w.on("message", onMessage);
        w.once("error", onError);
        w.postMessage({ id, source, seed: o.seed, visibility: o.visibility });
      });
    },
    async close() {
      const w = await worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
