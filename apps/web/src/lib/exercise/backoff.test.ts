import { describe, expect, it } from "vitest";
import { isFinalStatus, pollDelayMs } from "./backoff.ts";

describe("pollDelayMs", () => {
  it("grows geometrically from the initial delay and stops at the cap", () => {
    expect(pollDelayMs(0)).toBe(500);
    expect(pollDelayMs(1)).toBe(750);
    expect(pollDelayMs(2)).toBe(1125);
    expect(pollDelayMs(50)).toBe(5000);
  });
  it("treats nonsense attempts as the first", () => {
    expect(pollDelayMs(-3)).toBe(500);
    expect(pollDelayMs(Number.NaN)).toBe(500);
  });
});

describe("isFinalStatus", () => {
  it("stops on graded and failed only", () => {
    expect(["queued", "running", "graded", "failed"].map(isFinalStatus)).toEqual([false, false, true, true]);
  });
});
