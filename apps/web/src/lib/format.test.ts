import { describe, expect, it } from "vitest";
import { formatDateTime, formatScore } from "./format.ts";

describe("formatDateTime", () => {
  it("formats in the reader's language, in UTC, with the zone shown", () => {
    const d = new Date("2026-03-05T14:30:00Z");
    expect(formatDateTime(d, "en")).toBe("Mar 5, 2026, 14:30 UTC");
    expect(formatDateTime(d, "zh-CN")).toMatch(/^2026年3月5日.*14:30/);
  });
});

describe("formatScore", () => {
  it("drops .0 and keeps one decimal otherwise", () => {
    expect(formatScore(85)).toBe("85");
    expect(formatScore(83.333)).toBe("83.3");
  });
});
