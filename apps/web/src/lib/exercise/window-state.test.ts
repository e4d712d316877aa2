import { describe, expect, it } from "vitest";
import { windowState } from "./window-state.ts";

const base = {
  opensAt: new Date("2026-01-01T00:00:00Z"),
  dueAt: new Date("2026-02-01T00:00:00Z"),
  lateDueAt: new Date("2026-02-08T00:00:00Z"),
  latePenalty: 0.2,
  maxAttempts: 3,
  points: 100,
};

describe("windowState", () => {
  it("allows an on-time submission and counts attempts left", () => {
    const s = windowState(base, new Date("2026-01-15T00:00:00Z"), 1);
    expect(s).toMatchObject({ canSubmit: true, blockedBy: null, lateNow: false, attemptsLeft: 2 });
  });
  it("marks a submission between the due date and the late deadline as late", () => {
    const s = windowState(base, new Date("2026-02-03T00:00:00Z"), 0);
    expect(s).toMatchObject({ canSubmit: true, lateNow: true, latePenalty: 0.2 });
  });
  it("blocks before opening, after the late deadline and when attempts are used up", () => {
    expect(windowState(base, new Date("2025-12-01T00:00:00Z"), 0).blockedBy).toBe("not_open");
    expect(windowState(base, new Date("2026-03-01T00:00:00Z"), 0).blockedBy).toBe("closed");
    const used = windowState(base, new Date("2026-01-15T00:00:00Z"), 3);
    expect(used).toMatchObject({ canSubmit: false, blockedBy: "attempts_exhausted", attemptsLeft: 0 });
  });
  it("blocks a user who is not enrolled and reports unlimited attempts as null", () => {
    const s = windowState({ ...base, maxAttempts: null }, new Date("2026-01-15T00:00:00Z"), 7, false);
    expect(s).toMatchObject({ canSubmit: false, blockedBy: "not_enrolled", attemptsLeft: null });
  });
});
