import { describe, expect, it } from "vitest";
import { loadCliEnv, loadConfig } from "./config.ts";

describe("grader config", () => {
  it("has working defaults for the embedded mode", () => {
    const c = loadConfig({});
    expect(c.port).toBe(4100);
    expect(c.queue.driver).toBe("db");
    expect(c.db.provider).toBe("sqlite");
    expect(c.sandbox.bwrap).toBe("auto");
    expect(c.sandbox.memoryMb).toBe(256);
    expect(c.sandbox.wallMs).toBe(10_000);
    expect(c.workers).toBeGreaterThanOrEqual(1);
  });

  it("names the variable in errors", () => {
    expect(() => loadConfig({ GRADER_PORT: "http" })).toThrow(/GRADER_PORT/);
    expect(() => loadConfig({ GRADER_WORKERS: "0" })).toThrow(/GRADER_WORKERS must be at least 1/);
    expect(() => loadConfig({ QUEUE_DRIVER: "kafka" })).toThrow(/QUEUE_DRIVER/);
    expect(() => loadConfig({ QUEUE_DRIVER: "bullmq" })).toThrow(/REDIS_URL is required/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ GRADER_TOKEN: "short" })).toThrow(/GRADER_TOKEN/);
    expect(() => loadConfig({ GRADER_SANDBOX: "docker" })).toThrow(/GRADER_SANDBOX/);
    expect(() => loadConfig({ GRADER_QUEUE_PREFIX: "a:b" })).toThrow(/GRADER_QUEUE_PREFIX must be 1-64 letters/);
  });

  it("maps the scale-out and sandbox settings", () => {
    const c = loadConfig({ QUEUE_DRIVER: "bullmq", REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgresql://u@h/db", GRADER_SANDBOX: "isolate", GRADER_JOBS_PER_HOST: "1" });
    expect(c.queue.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(c.queue.prefix).toBe("bull");
    expect(loadConfig({ GRADER_QUEUE_PREFIX: "course-b" }).queue.prefix).toBe("course-b");
    expect(c.db.provider).toBe("postgresql");
    expect(c.sandbox.bwrap).toBe("off");
    expect(c.sandbox.jobsPerHost).toBe(1);
  });

  it("the CLI resolves paths against INIT_CWD and respects NO_COLOR", () => {
    const e = loadCliEnv({ INIT_CWD: "/somewhere", NO_COLOR: "1" });
    expect(e.cwd).toBe("/somewhere");
    expect(e.noColor).toBe(true);
  });
});
