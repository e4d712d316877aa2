import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@course/db";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { parseSignInError } from "./auth-errors.ts";
import { authorizeCredentials, buildAuthOptions } from "./auth-options.ts";
import { parseEnv } from "./env.ts";
import { nowSeconds } from "./session.ts";

const env = { loginMaxFailures: 5, loginWindowMs: 15 * 60_000 };
const t0 = new Date("2026-02-01T09:00:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

describe("authorizeCredentials", () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
    await fresh.db.user.create({ data: { email: "sam@example.com", name: "Sam", passwordHash: await hashPassword("student-pass-1") } });
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("accepts the right password (email case-insensitive) and records the attempt", async () => {
    const user = await authorizeCredentials(fresh.db, env, { email: " Sam@Example.com", password: "student-pass-1" }, "10.0.0.1", at(0));
    expect(user).toMatchObject({ email: "sam@example.com", name: "Sam" });
    expect(await fresh.db.loginAttempt.findMany({ select: { email: true, ip: true, success: true } })).toEqual([
      { email: "sam@example.com", ip: "10.0.0.1", success: true },
    ]);
  });

  it("refuses a wrong password or unknown account, and malformed input without recording it", async () => {
    expect(await authorizeCredentials(fresh.db, env, { email: "sam@example.com", password: "nope" }, "10.0.0.1", at(0))).toBeNull();
    expect(await authorizeCredentials(fresh.db, env, { email: "ghost@example.com", password: "nope" }, "10.0.0.1", at(0))).toBeNull();
    expect(await authorizeCredentials(fresh.db, env, { email: "not-an-email" }, "10.0.0.1", at(0))).toBeNull();
    expect(await fresh.db.loginAttempt.count({ where: { success: false } })).toBe(2);
  });

  it("after five failures even the right password is refused with the minutes to wait", async () => {
    for (let i = 0; i < 5; i++) await authorizeCredentials(fresh.db, env, { email: "sam@example.com", password: `guess-${i}` }, "10.0.0.1", at(i));
    const error = await authorizeCredentials(fresh.db, env, { email: "sam@example.com", password: "student-pass-1" }, "10.0.0.1", at(5)).catch((e: unknown) => e);
    expect(parseSignInError((error as Error).message)).toEqual({ kind: "rate_limited", minutes: 10 });
    // Blocked attempts are not recorded, so waiting really ends the block.
    expect(await fresh.db.loginAttempt.count()).toBe(5);
    expect(await authorizeCredentials(fresh.db, env, { email: "sam@example.com", password: "student-pass-1" }, "10.0.0.1", at(15))).not.toBeNull();
  });

  it("an attacker on one address cannot lock the owner out of their account on another", async () => {
    for (let i = 0; i < 12; i++) {
      await authorizeCredentials(fresh.db, env, { email: "sam@example.com", password: `guess-${i}` }, "127.0.0.2", at(i * 0.1)).catch(() => null);
    }
    const attacker = await authorizeCredentials(fresh.db, env, { email: "sam@example.com", password: "student-pass-1" }, "127.0.0.2", at(2)).catch((e: unknown) => e);
    expect(parseSignInError((attacker as Error).message).kind).toBe("rate_limited");
    const owner = await authorizeCredentials(fresh.db, env, { email: "sam@example.com", password: "student-pass-1" }, "127.0.0.1", at(2));
    expect(owner).toMatchObject({ email: "sam@example.com", sessionVersion: 0 });
  });

  it("a token signed before the user's session version moved on (sign-out elsewhere, new password) is refused", async () => {
    const jwt = buildAuthOptions(parseEnv({}), () => fresh.db).callbacks!.jwt!;
    const user = await fresh.db.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    const token = { sub: user.id, authTime: nowSeconds(), sessionVersion: 0 };
    const call = () => jwt({ token, account: null, user: undefined as never });
    await expect(call()).resolves.toMatchObject({ sub: user.id });
    await fresh.db.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    await expect(call()).rejects.toThrow(/session expired/);
  });
});
