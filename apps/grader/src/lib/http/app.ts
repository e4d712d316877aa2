/**
 * The grader's HTTP API, built apart from listen() so tests drive it in-process:
 *   GET  /health            { ok } without the token; with it also DB, queue depth, sandbox pool, bwrap
 *   POST /v1/submissions    { userId, assignmentId, code } → enqueueSubmission     (token)
 *   GET  /v1/jobs/:id       status and result of a grading job                      (token)
 *   POST /v1/wake           look for queued work now (the web app calls it after enqueueing)
 *   GET  /metrics           Prometheus text format (token, like every route but /health:
 *                           job figures by exercise are not for the public)
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { DomainError, domainErrorStatus, enqueueSubmission, queueDepth, type Db } from "@course/db";
import type { GraderMetrics } from "../metrics.ts";
import type { Receiver } from "../queue/receiver.ts";
import type { PoolStatus } from "../sandbox/pool.ts";

export interface AppDeps {
  db: Db;
  token: string | undefined;
  receiver: Pick<Receiver, "kind" | "wake" | "active" | "capacity">;
  metrics: Pick<GraderMetrics, "contentType" | "text">;
  sandboxStatus: () => PoolStatus;
  maxJobAttempts: number;
  isDraining: () => boolean;
}

const MAX_BODY = 512 * 1024;

const SubmitSchema = z
  .object({
    userId: z.string().min(1).max(200),
    assignmentId: z.string().min(1).max(200),
    code: z.string().max(200_000),
  })
  .strict();

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) throw new HttpError(415, "unsupported_media_type", "Send a JSON body (content-type: application/json).");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, "too_large", `The body may be at most ${MAX_BODY} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "invalid_json", "The body is not valid JSON.");
  }
}

/** True when the request carries the configured bearer token (compared in constant time). */
function hasToken(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return false;
  const header = req.headers.authorization ?? "";
  const given = Buffer.from(header.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function authorize(req: IncomingMessage, token: string | undefined): void {
  if (!token) throw new HttpError(503, "not_configured", "The grader API is disabled: GRADER_TOKEN is not set.");
  if (!hasToken(req, token)) throw new HttpError(401, "unauthorized", "Missing or wrong bearer token.");
}

export function createApp(deps: AppDeps) {
  async function health() {
    let dbOk = true;
    let dbError: string | undefined;
    let depth = { queued: 0, running: 0 };
    try {
      depth = await queueDepth(deps.db);
    } catch (e) {
      dbOk = false;
      dbError = e instanceof Error ? e.message.split("\n")[0] : String(e);
    }
    const sandbox = deps.sandboxStatus();
    const sandboxOk = sandbox.ready + sandbox.warming + sandbox.busy > 0;
    const ok = dbOk && sandboxOk && !deps.isDraining();
    return {
      status: ok ? 200 : 503,
      body: {
        ok,
        draining: deps.isDraining(),
        db: { ok: dbOk, ...(dbError ? { error: dbError } : {}) },
        queue: { driver: deps.receiver.kind, ...depth, active: deps.receiver.active(), capacity: deps.receiver.capacity },
        sandbox: { ok: sandboxOk, ...sandbox },
        bwrap: sandbox.bwrap ? "on" : "off",
      },
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://grader.local");
    const method = req.method ?? "GET";
    if (url.pathname === "/health") {
      if (method !== "GET") throw new HttpError(405, "method_not_allowed", "Use GET.");
      const h = await health();
      // Load balancers need only ok/not ok; queue depth, pool state and error text are for operators.
      return send(res, h.status, hasToken(req, deps.token) ? h.body : { ok: h.body.ok });
    }
    if (url.pathname === "/metrics") {
      if (method !== "GET") throw new HttpError(405, "method_not_allowed", "Use GET.");
      authorize(req, deps.token);
      const text = await deps.metrics.text();
      res.writeHead(200, { "content-type": deps.metrics.contentType, "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    if (url.pathname === "/v1/submissions") {
      if (method !== "POST") throw new HttpError(405, "method_not_allowed", "Use POST.");
      authorize(req, deps.token);
      const parsed = SubmitSchema.safeParse(await readJson(req));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HttpError(400, "invalid_body", `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
      }
      if (deps.isDraining()) throw new HttpError(503, "draining", "The grader is shutting down; retry shortly.");
      const { submission, job } = await enqueueSubmission(deps.db, { ...parsed.data, maxJobAttempts: deps.maxJobAttempts });
      deps.receiver.wake();
      return send(res, 202, { submissionId: submission.id, jobId: job.id, status: job.status });
    }
    const m = /^\/v1\/jobs\/([A-Za-z0-9_-]{1,100})$/.exec(url.pathname);
    if (m) {
      if (method !== "GET") throw new HttpError(405, "method_not_allowed", "Use GET.");
      authorize(req, deps.token);
      const job = await deps.db.gradingJob.findUnique({ where: { id: m[1]! }, include: { testResults: { orderBy: { position: "asc" } } } });
      if (!job) throw new HttpError(404, "not_found", "No such job.");
      return send(res, 200, {
        jobId: job.id,
        submissionId: job.submissionId,
        status: job.status,
        attempts: job.attempts,
        ...(job.status === "graded"
          ? {
              result: {
                status: job.outcome,
                score: job.score,
                maxScore: job.maxScore,
                seed: job.seed === null ? null : Number(job.seed),
                tests: job.testResults.map((t) => ({ name: t.name, passed: t.passed, points: t.points, maxPoints: t.maxPoints, ...(t.message === null ? {} : { message: t.message }) })),
                ...(job.error ? { message: job.error } : {}),
              },
            }
          : {}),
        ...(job.status === "failed" ? { error: job.error } : {}),
        enqueuedAt: job.enqueuedAt.toISOString(),
        finishedAt: job.finishedAt?.toISOString() ?? null,
      });
    }
    if (url.pathname === "/v1/wake") {
      if (method !== "POST") throw new HttpError(405, "method_not_allowed", "Use POST.");
      authorize(req, deps.token);
      deps.receiver.wake();
      return send(res, 202, { ok: true });
    }
    throw new HttpError(404, "not_found", `No route for ${method} ${url.pathname}.`);
  }

  return function handler(req: IncomingMessage, res: ServerResponse): void {
    route(req, res).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HttpError) return send(res, e.status, { error: { code: e.code, message: e.message } });
      if (e instanceof DomainError) return send(res, domainErrorStatus(e.code), { error: { code: e.code, message: e.message } });
      send(res, 500, { error: { code: "internal", message: "Internal error." } });
    });
  };
}
