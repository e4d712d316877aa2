import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@course/db";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { ApiError } from "./api-error.ts";
import { createAccount, limitSignups, signupSchema } from "./signup.ts";

function fieldErrors(locale: "en" | "zh-CN", input: unknown): Record<string, string> {
  const result = signupSchema(locale).safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const i of result.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
}

const good = { name: "Ada Lovelace", email: "Ada@Example.com ", password: "analytical-engine-1" };

describe("signup validation", () => {
  it("accepts a good sign-up and normalises the email", () => {
    const parsed = signupSchema("en").parse(good);
    expect(parsed.email).toBe("ada@example.com");
    expect(parsed.name).toBe("Ada Lovelace");
  });

  it("explains each broken rule next to its field", () => {
    expect(fieldErrors("en", { ...good, name: "   " })).toEqual({ name: "Enter your name." });
    expect(fieldErrors("en", { ...good, email: "ada@" })).toEqual({ email: "Enter a valid email address, like name@example.com." });
    expect(fieldErrors("en", { ...good, password: "short1" })).toEqual({ password: "The password must be at least 10 characters long." });
    expect(fieldErrors("en", { ...good, password: "onlyletters-here" })).toEqual({ password: "The password must contain at least one digit." });
    expect(fieldErrors("en", { ...good, password: "1234567890123" })).toEqual({ password: "The password must contain at least one letter." });
    expect(fieldErrors("en", { ...good, password: "x1".repeat(65) })).toEqual({ password: "The password can be at most 128 characters long." });
    expect(fieldErrors("en", { ...good, email: "a1234567890@example.com", password: "A1234567890@example.com" })).toEqual({
      password: "The password must not be your email address.",
    });
  });

  it("reports every missing field at once", () => {
    expect(Object.keys(fieldErrors("en", {})).sort()).toEqual(["email", "name", "password"]);
  });

  it("speaks Simplified Chinese when asked", () => {
    expect(fieldErrors("zh-CN", { ...good, password: "short1" })).toEqual({ password: "密码至少需要 10 个字符。" });
  });
});

describe("createAccount", () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("stores an argon2id hash, never the password, and the chosen locale", async () => {
    const input = signupSchema("zh-CN").parse(good);
    expect(await createAccount(fresh.db, input, "zh-CN")).toBe("created");
    const row = await fresh.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(row.locale).toBe("zh-CN");
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(good.password);
    expect(await verifyPassword(row.passwordHash, good.password)).toBe(true);
  });

  it("answers a second sign-up for the same email exactly like a new one, and changes nothing", async () => {
    expect(await createAccount(fresh.db, signupSchema("en").parse(good), "en")).toBe("created");
    const before = await fresh.db.user.findMany();
    const again = signupSchema("en").parse({ ...good, name: "Impostor", email: "ADA@example.com", password: "other-pass-12" });
    expect(await createAccount(fresh.db, again, "en")).toBe("exists");
    expect(await fresh.db.user.findMany()).toEqual(before);
  });
});

describe("limitSignups", () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("allows maxPerHour sign-ups per address, then 429 with Retry-After", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    for (let i = 0; i < 3; i++) await limitSignups(fresh.db, "127.0.0.2", 3, now);
    const error = await limitSignups(fresh.db, "127.0.0.2", 3, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", headers: { "retry-after": "3600" } });
    await expect(limitSignups(fresh.db, "127.0.0.1", 3, now)).resolves.toBeUndefined();
  });
});
