import { MAX_FEEDBACK_CHARS } from "@course/db";
import { fb, untranslated } from "@course/exercise-kit";
import { describe, expect, it } from "vitest";
import { storableFeedback } from "./worker.ts";

describe("storableFeedback", () => {
  it("keeps feedback that fits the column, next to its message", () => {
    const feedback = [fb("notRun.timeout", {}), fb("sandbox.timeout", { detail: "time limit of 700 ms exceeded (sandbox killed)" })];
    expect(storableFeedback("Not run: …", feedback)).toBe(feedback);
  });

  it("drops oversized feedback (the English message is still stored) and feedback without a message", () => {
    expect(storableFeedback("x", [untranslated("y".repeat(MAX_FEEDBACK_CHARS))])).toBeUndefined();
    expect(storableFeedback(undefined, [fb("notRun.noResult", {})])).toBeUndefined();
    expect(storableFeedback("x", undefined)).toBeUndefined();
  });
});
