import { describe, expect, it } from "vitest";
import { utcInputValue } from "../../lib/courses/assess-view.ts";
import { utcInstant } from "./send-json.ts";

describe("dates typed in UTC", () => {
  it("turns a datetime-local value into an ISO instant in UTC and keeps empty empty", () => {
    expect(utcInstant("2026-03-01T12:00")).toBe("2026-03-01T12:00:00Z");
    expect(utcInstant("2026-03-01T12:00:30")).toBe("2026-03-01T12:00:30Z");
    expect(utcInstant("")).toBe("");
    expect(utcInstant("garbage")).toBe("garbage"); // left for the server to refuse with a message
  });
  it("round-trips with the form's initial value", () => {
    const at = new Date("2026-03-01T12:34:00Z");
    expect(utcInputValue(at)).toBe("2026-03-01T12:34");
    expect(new Date(utcInstant(utcInputValue(at))).getTime()).toBe(at.getTime());
    expect(utcInputValue(null)).toBe("");
  });
});
