import { describe, expect, it } from "vitest";
import { chargedAttempts, findDuplicateAttempt, normaliseCode } from "./attempts.ts";
import { countingAttempt, effectiveWindow, checkAcceptance } from "./grading-policy.ts";

const attempt = (attemptNumber: number, code: string, jobStatus: string | null = "graded") => ({ id: `s${attemptNumber}`, attemptNumber, code, jobStatus });

describe("normaliseCode", () => {
  it("ignores line endings, trailing spaces and tabs, and blank lines at the end", () => {
    expect(normaliseCode("a = 1;  \r\nb = 2;\t\r\n\r\n")).toBe("a = 1;\nb = 2;");
    expect(normaliseCode("a\rb")).toBe("a\nb");
  });
  it("keeps leading indentation, inner blank lines and every other character", () => {
    expect(normaliseCode("  a\n\n b")).toBe("  a\n\n b");
    expect(normaliseCode("a // x")).not.toBe(normaliseCode("a // y"));
  });
});

describe("findDuplicateAttempt", () => {
  it("finds the earliest charged attempt with the same normalised code", () => {
    const earlier = [attempt(1, "x\n"), attempt(2, "y"), attempt(3, "x  \r\n")];
    expect(findDuplicateAttempt(earlier, "x")?.attemptNumber).toBe(1);
    expect(findDuplicateAttempt(earlier, "z")).toBeNull();
  });
  it("does not match an attempt whose grading failed for infrastructure reasons", () => {
    expect(findDuplicateAttempt([attempt(1, "x", "failed")], "x")).toBeNull();
    expect(findDuplicateAttempt([attempt(1, "x", "failed"), attempt(2, "x", "queued")], "x")?.attemptNumber).toBe(2);
  });
});

describe("chargedAttempts", () => {
  it("counts every attempt except infrastructure failures", () => {
    expect(chargedAttempts([attempt(1, "a"), attempt(2, "b", "failed"), attempt(3, "c", "queued"), attempt(4, "d", null)])).toBe(3);
  });
});

describe("effectiveWindow", () => {
  const base = { opensAt: null, dueAt: new Date("2026-01-10T00:00:00Z"), lateDueAt: new Date("2026-01-12T00:00:00Z"), latePenalty: 0.5, maxAttempts: 2, points: 10 };
  it("replaces the dates an extension sets and adds extra attempts", () => {
    const w = effectiveWindow(base, { dueAt: new Date("2026-01-11T00:00:00Z"), lateDueAt: null, extraAttempts: 2 });
    expect(w.dueAt?.toISOString()).toBe("2026-01-11T00:00:00.000Z");
    expect(w.lateDueAt?.toISOString()).toBe("2026-01-12T00:00:00.000Z");
    expect(w.maxAttempts).toBe(4);
  });
  it("moves the late due date with a due date extended past it, and keeps unlimited attempts unlimited", () => {
    const w = effectiveWindow({ ...base, maxAttempts: null }, { dueAt: new Date("2026-01-20T00:00:00Z"), lateDueAt: null, extraAttempts: 3 });
    expect(w.lateDueAt?.toISOString()).toBe("2026-01-20T00:00:00.000Z");
    expect(w.maxAttempts).toBeNull();
  });
  it("lets the student submit after the original deadline, on time, with the extension only", () => {
    const at = new Date("2026-01-13T00:00:00Z");
    expect(checkAcceptance(base, at, 0)).toMatchObject({ ok: false, code: "closed" });
    expect(checkAcceptance(effectiveWindow(base, { dueAt: new Date("2026-01-14T00:00:00Z"), lateDueAt: null, extraAttempts: 0 }), at, 0)).toEqual({ ok: true, isLate: false });
    expect(checkAcceptance(effectiveWindow(base, null), new Date("2026-01-11T00:00:00Z"), 2)).toMatchObject({ ok: false, code: "attempts_exhausted" });
    expect(checkAcceptance(effectiveWindow(base, { dueAt: null, lateDueAt: null, extraAttempts: 1 }), new Date("2026-01-11T00:00:00Z"), 2)).toEqual({ ok: true, isLate: true });
  });
});

describe("countingAttempt", () => {
  const scored = [
    { id: "a", attemptNumber: 1, score: 50 },
    { id: "b", attemptNumber: 2, score: 80 },
    { id: "c", attemptNumber: 3, score: 80 },
    { id: "d", attemptNumber: 4, score: 20 },
    { id: "e", attemptNumber: 5, score: null },
  ];
  it("best: the highest score, the earlier attempt on a tie", () => {
    expect(countingAttempt(scored, "best")?.id).toBe("b");
  });
  it("last: the latest attempt with a score", () => {
    expect(countingAttempt(scored, "last")?.id).toBe("d");
  });
  it("nothing counts without a score", () => {
    expect(countingAttempt([{ id: "x", attemptNumber: 1, score: null }], "best")).toBeNull();
    expect(countingAttempt([], "last")).toBeNull();
  });
});
