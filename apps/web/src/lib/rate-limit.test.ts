import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { checkLogin, clientIp, recordLogin, type LoginLimits } from "./rate-limit.ts";

const limits: LoginLimits = { maxPerEmail: 5, maxPerIp: 20, windowMs: 15 * 60_000 };
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

  it("allows four failures and blocks after the fifth, saying for how long", async () => {
    for (let i = 0; i < 4; i++) await fail("a@example.com", "1.1.1.1", i);
    expect(await checkLogin(fresh.db, { email: "a@example.com", ip: "1.1.1.1" }, limits, at(4))).toEqual({ allowed: true });
    await fail("a@example.com", "1.1.1.1", 4);
    const verdict = await checkLogin(fresh.db, { email: "a@example.com", ip: "1.1.1.1" }, limits, at(5));
    // The oldest of the five failures (minute 0) leaves the window at minute 15: 10 minutes away.
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 10 * MIN, retryAfterMinutes: 10 });
  });

  it("counts emails case-insensitively and lets the block expire with the window", async () => {
    for (let i = 0; i < 5; i++) await fail(i % 2 ? "A@Example.com" : " a@example.com", "1.1.1.1", i);
    expect((await checkLogin(fresh.db, { email: "a@EXAMPLE.com", ip: "2.2.2.2" }, limits, at(5))).allowed).toBe(false);
    expect((await checkLogin(fresh.db, { email: "a@example.com", ip: "2.2.2.2" }, limits, at(15))).allowed).toBe(true);
  });

  it("does not block other accounts from another address", async () => {
    for (let i = 0; i < 5; i++) await fail("a@example.com", "1.1.1.1", i);
    expect((await checkLogin(fresh.db, { email: "b@example.com", ip: "2.2.2.2" }, limits, at(5))).allowed).toBe(true);
  });

  it("blocks an address that tries many accounts", async () => {
    for (let i = 0; i < 20; i++) await fail(`user${i}@example.com`, "9.9.9.9", i * 0.5);
    const verdict = await checkLogin(fresh.db, { email: "fresh@example.com", ip: "9.9.9.9" }, limits, at(10));
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.retryAfterMinutes).toBe(5);
  });

  it("resets the email count after a successful sign-in, but not the address count", async () => {
    for (let i = 0; i < 4; i++) await fail("a@example.com", "1.1.1.1", i);
    await recordLogin(fresh.db, { email: "a@example.com", ip: "1.1.1.1", success: true }, at(4));
    await fail("a@example.com", "1.1.1.1", 5);
    expect((await checkLogin(fresh.db, { email: "a@example.com", ip: "1.1.1.1" }, limits, at(6))).allowed).toBe(true);
  });
});

describe("clientIp", () => {
  it("takes the first forwarded hop", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" })).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp({})).toBe("unknown");
  });
});
