import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "@course/db";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { enrollWithCode, joinCodeSchema } from "./enroll.ts";

describe("join code input", () => {
  it("normalises case and spaces, and explains a malformed code", () => {
    expect(joinCodeSchema("en").parse({ code: "  dlts-2026 " })).toEqual({ code: "DLTS-2026" });
    const bad = joinCodeSchema("en").safeParse({ code: "no spaces!" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("A join code has 3 to 40 letters, digits or dashes.");
    expect(joinCodeSchema("zh-CN").safeParse({ code: "" }).error?.issues[0]?.message).toBe("请输入加入码。");
  });
});

describe("enrollWithCode", () => {
  let fresh: FreshDb;
  let userId: string;
  let courseId: string;
  const now = new Date("2026-05-01T00:00:00Z");
  beforeEach(async () => {
    fresh = await freshSqlite();
    courseId = (await fresh.db.course.create({ data: { slug: "dl", title: "DL", description: "d" } })).id;
    userId = (await fresh.db.user.create({ data: { email: "s@x.io", name: "S", passwordHash: "h" } })).id;
    await fresh.db.joinCode.createMany({
      data: [
        { code: "GOOD-1", courseId, role: "student" },
        { code: "OLD-1", courseId, expiresAt: new Date("2020-12-31T00:00:00Z") },
        { code: "ONCE-1", courseId, maxUses: 1 },
        { code: "TA-1", courseId, role: "ta" },
      ],
    });
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  const code = (e: unknown) => (e instanceof DomainError ? e.code : String(e));

  it("enrolls with the code's role, counts the use and writes an audit entry", async () => {
    expect(await enrollWithCode(fresh.db, userId, "GOOD-1", "en", now)).toEqual({ courseSlug: "dl", role: "student" });
    expect((await fresh.db.joinCode.findUniqueOrThrow({ where: { code: "GOOD-1" } })).uses).toBe(1);
    expect(await fresh.db.auditLog.count({ where: { action: "enroll", actorId: userId } })).toBe(1);
  });

  it("records which code the member used, so staff see who used each", async () => {
    await enrollWithCode(fresh.db, userId, "TA-1", "en", now);
    const enrollment = await fresh.db.enrollment.findFirstOrThrow({ where: { userId }, include: { joinCode: true } });
    expect(enrollment.joinCode?.code).toBe("TA-1");
    expect(await fresh.db.auditLog.count({ where: { action: "enroll", courseId } })).toBe(1);
  });

  it("refuses a revoked code with its own message and counts no use", async () => {
    await fresh.db.joinCode.update({ where: { code: "GOOD-1" }, data: { revokedAt: new Date("2026-04-01T00:00:00Z") } });
    const revoked = await enrollWithCode(fresh.db, userId, "GOOD-1", "en", now).catch((e: unknown) => e);
    expect(code(revoked)).toBe("expired_code");
    expect((revoked as Error).message).toBe("This join code has been revoked. Ask your instructor for a new one.");
    const zh = await enrollWithCode(fresh.db, userId, "GOOD-1", "zh-CN", now).catch((e: unknown) => e);
    expect((zh as Error).message).toBe("该加入码已被撤销，请向老师索取新的加入码。");
    expect((await fresh.db.joinCode.findUniqueOrThrow({ where: { code: "GOOD-1" } })).uses).toBe(0);
    expect(await fresh.db.enrollment.count({ where: { userId } })).toBe(0);
  });

  it("rejects an unknown code, an expired code and a second enrollment with clear messages", async () => {
    const unknown = await enrollWithCode(fresh.db, userId, "NOPE-1", "en", now).catch((e: unknown) => e);
    expect(code(unknown)).toBe("invalid_code");
    expect((unknown as Error).message).toBe("This join code does not exist. Check it for typos.");
    const expired = await enrollWithCode(fresh.db, userId, "OLD-1", "en", now).catch((e: unknown) => e);
    expect(code(expired)).toBe("expired_code");
    expect((expired as Error).message).toMatch(/expired/);
    await enrollWithCode(fresh.db, userId, "GOOD-1", "en", now);
    expect(code(await enrollWithCode(fresh.db, userId, "TA-1", "en", now).catch((e: unknown) => e))).toBe("already_enrolled");
    expect(await fresh.db.enrollment.count()).toBe(1);
  });

  it("stops a code at its maximum number of uses", async () => {
    const other = (await fresh.db.user.create({ data: { email: "o@x.io", name: "O", passwordHash: "h" } })).id;
    await enrollWithCode(fresh.db, userId, "ONCE-1", "en", now);
    const second = await enrollWithCode(fresh.db, other, "ONCE-1", "en", now).catch((e: unknown) => e);
    expect(code(second)).toBe("expired_code");
    expect((second as Error).message).toMatch(/maximum number of times/);
  });
});
