import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { buildAuthOptions } from "./auth-options.ts";
import { parseEnv } from "./env.ts";
import { sessionExpired, SessionExpiredError } from "./session.ts";

const HOUR = 3600;
const t0 = Date.parse("2026-03-01T08:00:00Z");

describe("sessionExpired", () => {
  it("keeps a session for 12 hours from sign-in, then expires it", () => {
    const authTime = t0 / 1000;
    expect(sessionExpired({ authTime }, 12 * HOUR, t0)).toBe(false);
    expect(sessionExpired({ authTime }, 12 * HOUR, t0 + (12 * HOUR - 1) * 1000)).toBe(false);
    expect(sessionExpired({ authTime }, 12 * HOUR, t0 + 12 * HOUR * 1000)).toBe(true);
  });

  it("treats a token without a sign-in time, or one from the future, as expired", () => {
    expect(sessionExpired({}, 12 * HOUR, t0)).toBe(true);
    expect(sessionExpired({ authTime: "yesterday" }, 12 * HOUR, t0)).toBe(true);
    expect(sessionExpired({ authTime: t0 / 1000 + 3600 }, 12 * HOUR, t0)).toBe(true);
  });
});

describe("the next-auth JWT with our options", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const env = parseEnv({ NEXTAUTH_SECRET: "s".repeat(40), SESSION_MAX_AGE_HOURS: "12" });
  // The callback also compares the token's session version with the user's (see auth-options.test.ts).
  let fresh: FreshDb;
  beforeAll(async () => {
    fresh = await freshSqlite();
    await fresh.db.user.create({ data: { id: "u1", email: "a@b.c", name: "A", passwordHash: "x" } });
  });
  afterAll(() => fresh.dispose());
  const options = buildAuthOptions(env, () => fresh.db);
  const jwt = options.callbacks!.jwt!;

  it("stamps the sign-in time and refuses the token once 12 hours have passed, even if it was refreshed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const user = { id: "u1", email: "a@b.c", name: "A", sessionVersion: 0 };
    const signedIn = await jwt({ token: { sub: "u1" }, user, account: null });
    expect(signedIn.authTime).toBe(t0 / 1000);

    vi.setSystemTime(t0 + 11 * HOUR * 1000);
    expect(await jwt({ token: signedIn, user: undefined as never, account: null })).toEqual(signedIn);

    vi.setSystemTime(t0 + 12 * HOUR * 1000 + 1000);
    await expect(jwt({ token: signedIn, user: undefined as never, account: null })).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it("encodes cookies that stop decoding after maxAge", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(t0);
    const secret = env.authSecret;
    const token = await encode({ token: { sub: "u1", authTime: t0 / 1000 }, secret, maxAge: env.sessionMaxAgeSeconds });
    expect((await decode({ token, secret }))?.sub).toBe("u1");
    vi.setSystemTime(t0 + 13 * HOUR * 1000);
    await expect(decode({ token, secret })).rejects.toThrow();
  });
});
