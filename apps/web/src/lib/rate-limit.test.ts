import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueSubmission } from "@course/db";
import { freshSqlite, seedFixture, type FreshDb } from "@course/db/testing";
import { ApiError } from "./api-error.ts";
import { backoffMs, checkLogin, limitSubmissions, recordLogin, takeRateToken, type LoginLimits } from "./rate-limit.ts";

const limits: LoginLimits = {
  maxPerPair: 5,
  maxPerIp: 20,
  backoffAfter: 5,
  backoffBaseMs: 1000,
  windowMs: 15 * 60_000,
};
const MIN = 60_000;
const t0 = new Date("2026-01-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

describe("login rate limiter", () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  async function fail(email: string, ip: string, minute: number) {
    await recordLogin(fresh.db, { email, ip, success: false }, at(minute));
  }
  const check = (email: string, ip: string, minute: number) =>
    checkLogin(fresh.db, { email, ip }, limits, at(minute));

  it("allows four failures from one address on one account and blocks it after the fifth, saying for how long", async () => {
    for (let i = 0; i < 4; i++) await fail("a@example.com", "1.1.1.1", i);
    expect(await check("a@example.com", "1.1.1.1", 4)).toEqual({ allowed: true });
    await fail("a@example.com", "1.1.1.1", 4);
    // The oldest of the five failures (minute 0) leaves the window at minute 15: 10 minutes away.
    expect(await check("a@example.com", "1.1.1.1", 5)).toEqual({
      allowed: false,
      retryAfterMs: 10 * MIN,
      retryAfterMinutes: 10,
    });
  });

  it("never refuses the account's owner on an address that has not failed, however many failures came from elsewhere", async () => {
    for (let i = 0; i < 30; i++)
      await fail(i % 2 ? "A@Example.com" : " a@example.com", `10.0.0.${i}`, i * 0.1);
    expect(await check("a@example.com", "127.0.0.1", 3)).toEqual({ allowed: true });
  });

  it("backs off progressively, per account, every address that has failed on it", async () => {
    // Five addresses, one failure each: no address hit its own limit, but the account has five.
    for (let i = 0; i < 5; i++) await fail("a@example.com", `10.0.0.${i}`, 0);
    const first = await check("a@example.com", "10.0.0.1", 0);
    expect(first).toMatchObject({ allowed: false, retryAfterMs: 1000 });
    for (let i = 0; i < 3; i++) await fail("a@example.com", "10.0.0.9", 0);
    const later = await check("a@example.com", "10.0.0.1", 0);
    expect(later).toMatchObject({ allowed: false, retryAfterMs: 8000 });
    expect(
      (
        await checkLogin(
          fresh.db,
          { email: "a@example.com", ip: "10.0.0.1" },
          limits,
          new Date(at(0).getTime() + 8000),
        )
      ).allowed,
    ).toBe(true);
    expect(backoffMs(100, limits)).toBe(limits.windowMs);
  });

  it("lets a block expire with the window", async () => {
    for (let i = 0; i < 5; i++) await fail("a@example.com", "1.1.1.1", i);
    expect((await check("a@example.com", "1.1.1.1", 5)).allowed).toBe(false);
    expect((await check("a@example.com", "1.1.1.1", 15)).allowed).toBe(true);
  });

  it("blocks an address that tries many accounts", async () => {
    for (let i = 0; i < 20; i++) await fail(`user${i}@example.com`, "9.9.9.9", i * 0.5);
    const verdict = await check("fresh@example.com", "9.9.9.9", 10);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.retryAfterMinutes).toBe(5);
  });

  it("resets the pair's count after a successful sign-in, but not the address count", async () => {
    for (let i = 0; i < 4; i++) await fail("a@example.com", "1.1.1.1", i);
    await recordLogin(fresh.db, { email: "a@example.com", ip: "1.1.1.1", success: true }, at(4));
    await fail("a@example.com", "1.1.1.1", 5);
    expect((await check("a@example.com", "1.1.1.1", 6)).allowed).toBe(true);
  });
});

describe("takeRateToken", () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("allows max events per key inside the window, then says when the next is allowed", async () => {
    const l = { max: 2, windowMs: 60 * MIN };
    expect(await takeRateToken(fresh.db, "signup:1.1.1.1", l, at(0))).toEqual({ allowed: true });
    expect(await takeRateToken(fresh.db, "signup:1.1.1.1", l, at(10))).toEqual({ allowed: true });
    expect(await takeRateToken(fresh.db, "signup:1.1.1.1", l, at(20))).toEqual({
      allowed: false,
      retryAfterMs: 40 * MIN,
      retryAfterMinutes: 40,
    });
    expect(await takeRateToken(fresh.db, "signup:2.2.2.2", l, at(20))).toEqual({ allowed: true });
    expect(await takeRateToken(fresh.db, "signup:1.1.1.1", l, at(60))).toEqual({ allowed: true });
  });
});

describe("limitSubmissions", () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("lets a student submit maxPerMinute times a minute, then answers 429 with Retry-After", async () => {
    const fx = await seedFixture(fresh.db, { maxAttempts: null });
    for (let i = 0; i < 3; i++) await enqueueSubmission(fresh.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: `// ${i}` });
    const first = (await fresh.db.submission.findFirstOrThrow({ orderBy: { createdAt: "asc" } })).createdAt;
    const now = new Date(first.getTime() + 20_000);
    const error = await limitSubmissions(fresh.db, fx.studentId, 3, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const retryAfter = Number((error as ApiError).headers?.["retry-after"]);
    expect((error as ApiError).status).toBe(429);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(40);
    // Another student, or the same one a minute later, may submit.
    await expect(limitSubmissions(fresh.db, fx.otherStudentId, 3, now)).resolves.toBeUndefined();
    await expect(limitSubmissions(fresh.db, fx.studentId, 3, new Date(now.getTime() + 60_000))).resolves.toBeUndefined();
  });
});
