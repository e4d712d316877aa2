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

  it("trusts no proxy by default and checks TRUSTED_PROXIES entry by entry", () => {
    expect(parseEnv({}).trustedProxies.size).toBe(0);
    const env = parseEnv({ TRUSTED_PROXIES: " 10.0.0.1, 172.16.0.0/12 ,::1" });
    expect(env.trustedProxies.has("172.20.1.1")).toBe(true);
    expect(env.trustedProxies.has("203.0.113.1")).toBe(false);
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.1,proxy.local" })).toThrow(/TRUSTED_PROXIES: TRUSTED_PROXIES must be comma-separated IP addresses/);
  });

  it("limits sign-ups per address and submissions per user", () => {
    expect(parseEnv({})).toMatchObject({ signupMaxPerHour: 10, submitMaxPerMinute: 10 });
    expect(parseEnv({ SIGNUP_MAX_PER_HOUR: "3", SUBMIT_MAX_PER_MINUTE: "2" })).toMatchObject({ signupMaxPerHour: 3, submitMaxPerMinute: 2 });
    expect(() => parseEnv({ SUBMIT_MAX_PER_MINUTE: "0" })).toThrow(/SUBMIT_MAX_PER_MINUTE/);
  });

  it("sends reset mail only with both SMTP_URL and MAIL_FROM, and checks them", () => {
    expect(parseEnv({}).mail).toBeNull();
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "Course <noreply@example.org>" }).mail).toEqual({ smtpUrl: "smtp://127.0.0.1:2525", from: "Course <noreply@example.org>" });
    expect(() => parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" })).toThrow(/MAIL_FROM: SMTP_URL and MAIL_FROM go together/);
    expect(() => parseEnv({ MAIL_FROM: "a@example.org" })).toThrow(/SMTP_URL: SMTP_URL and MAIL_FROM go together/);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.org", MAIL_FROM: "a@example.org" })).toThrow(/SMTP_URL: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(parseEnv({}).resetMaxPerHour).toBe(5);
  });
});
