/**
 * The grader's Prometheus metrics (prom-client, text format on GET /metrics). One registry per
 * service, so tests can run several in one process. Gauges that describe the present (queue depth,
 * sandbox pool, workers) are read when scraped; job figures are recorded as jobs end.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ClaimedJob } from "@course/db";
import type { PoolStatus } from "./sandbox/pool.ts";
import type { JobEnd } from "./worker.ts";

export interface MetricsSources {
  /** Jobs in the database by state (the queue's truth in both drivers). */
  queueDepth: () => Promise<{ queued: number; running: number }>;
  capacity: number;
  sandbox: () => PoolStatus;
}

/** What the worker reports (worker.ts calls it around each claimed job). */
export interface JobMetrics {
  jobClaimed(job: ClaimedJob): void;
  jobEnded(job: ClaimedJob, end: JobEnd, seconds: number): void;
}

export interface GraderMetrics extends JobMetrics {
  readonly contentType: string;
  text(): Promise<string>;
}

// Gradings take tens of milliseconds; a timeout takes the wall limit (10 s by default).
const DURATION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(sources: MetricsSources): GraderMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "grader_" });

  new Gauge({
    name: "grader_queue_jobs",
    help: "Grading jobs in the database by state (all graders share this queue).",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const depth = await sources.queueDepth();
      this.set({ state: "queued" }, depth.queued);
      this.set({ state: "running" }, depth.running);
    },
  });
  const active = new Gauge({
    name: "grader_workers_active",
    help: "Jobs this grader is grading now.",
    registers: [registry],
  });
  new Gauge({
    name: "grader_workers_capacity",
    help: "Jobs this grader grades at once at most.",
    registers: [registry],
    collect() {
      this.set(sources.capacity);
    },
  });
  new Gauge({
    name: "grader_sandbox_hosts",
    help: "Sandbox hosts in this grader's pool by state.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const s = sources.sandbox();
      this.set({ state: "ready" }, s.ready);
      this.set({ state: "warming" }, s.warming);
      this.set({ state: "busy" }, s.busy);
    },
  });
  new Gauge({
    name: "grader_sandbox_pool_size",
    help: "Sandbox hosts the pool keeps warm.",
    registers: [registry],
    collect() {
      this.set(sources.sandbox().size);
    },
  });
  new Gauge({
    name: "grader_sandbox_isolation",
    help: "Isolation layers in use around the sandboxes (1 on, 0 off).",
    labelNames: ["layer"] as const,
    registers: [registry],
    collect() {
      const s = sources.sandbox();
      this.set({ layer: "bubblewrap" }, s.bwrap ? 1 : 0);
      this.set({ layer: "cgroups" }, s.cgroups ? 1 : 0);
    },
  });

  const duration = new Histogram({
    name: "grader_job_duration_seconds",
    help: "Time from claiming a job to its end, by exercise and how it ended (graded, failed, requeued, lost).",
    labelNames: ["exercise", "status"] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const failures = new Counter({
    name: "grader_job_failures_total",
    help: "Jobs this grader could not grade (its own fault, not the student's): requeued for another attempt, failed for good, or lost (the claim was taken away).",
    labelNames: ["exercise", "status"] as const,
    registers: [registry],
  });
  const retries = new Counter({
    name: "grader_job_retries_total",
    help: "Jobs claimed again after an earlier attempt did not finish (a grader error or a grader that stopped responding).",
    labelNames: ["exercise"] as const,
    registers: [registry],
  });

  return {
    contentType: registry.contentType,
    text: () => registry.metrics(),
    jobClaimed(job) {
      active.inc();
      if (job.attempt > 1) retries.inc({ exercise: job.exerciseSlug });
    },
    jobEnded(job, end, seconds) {
      active.dec();
      duration.observe({ exercise: job.exerciseSlug, status: end }, seconds);
      if (end !== "graded") failures.inc({ exercise: job.exerciseSlug, status: end });
    },
  };
}
