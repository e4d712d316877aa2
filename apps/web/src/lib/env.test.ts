import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.ts";

const SECRET = "x".repeat(32);

describe("parseEnv", () => {
  it("applies defaults for a development machine", () => {
    const env = parseEnv({});
    expect(env.nodeEnv).toBe("development");
    expect(env.db).toEqual({ url: "file:./data/course.db", provider: "sqlite" });
    expect(env.sessionMaxAgeSeconds).toBe(12 * 3600);
    expect(env.loginMaxFailures).toBe(5);
    expect(env.loginWindowMs).toBe(15 * 60_000);
  });

  it("derives the provider from DATABASE_URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h/db" }).db.provider).toBe("postgresql");
  });

  it("rejects an unknown database scheme and names the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: DATABASE_URL must start with "file:"/);
  });

  it("requires a long secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: NEXTAUTH_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET }).authSecret).toBe(SECRET);
  });

  it("reports every bad variable at once", () => {
    let message = "";
    try {
      parseEnv({ GRADER_URL: "not a url", SESSION_MAX_AGE_HOURS: "-1", NEXTAUTH_URL: "nope" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/GRADER_URL: GRADER_URL must be an absolute URL/);
    expect(message).toMatch(/NEXTAUTH_URL: NEXTAUTH_URL must be an absolute URL/);
    expect(message).toMatch(/SESSION_MAX_AGE_HOURS: SESSION_MAX_AGE_HOURS must be a positive number/);
  });

  it("coerces numbers and marks https deployments for secure cookies", () => {
    const env = parseEnv({ SESSION_MAX_AGE_HOURS: "1.5", NEXTAUTH_URL: "https://course.example.org", GRADER_URL: "http://127.0.0.1:4100" });
    expect(env.sessionMaxAgeSeconds).toBe(5400);
    expect(env.secureCookies).toBe(true);
    expect(env.graderUrl).toBe("http://127.0.0.1:4100");
  });

  it("passes the grader token through and refuses a short one", () => {
    expect(parseEnv({ GRADER_TOKEN: "t".repeat(24) }).graderToken).toBe("t".repeat(24));
    expect(parseEnv({}).graderToken).toBeUndefined();
    expect(() => parseEnv({ GRADER_TOKEN: "short" })).toThrow(/GRADER_TOKEN: GRADER_TOKEN must be at least 16 characters/);
  });
});
