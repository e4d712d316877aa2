import { describe, expect, it } from "vitest";
import type { SubmissionView } from "./schemas.ts";
import { sharedFailure } from "./result-view.ts";

const view = (tests: SubmissionView["tests"]): SubmissionView => ({
  id: "s",
  attemptNumber: 1,
  exerciseVersion: 1,
  createdAt: "",
  isLate: false,
  status: "graded",
  outcome: "failed",
  rawScore: 0,
  maxRawScore: 2,
  score: 0,
  points: 100,
  latePenalty: 0,
  error: null,
  tests,
});
const t = (name: string, passed: boolean, message: string | null) => ({ name, passed, points: 0, maxPoints: 1, message });

describe("sharedFailure: one error said once, not on every test", () => {
  it("finds the message every failing test repeats", () => {
    expect(sharedFailure(view([t("a", false, "Not run: the submission did not compile."), t("b", false, "Not run: the submission did not compile.")]))).toBe(
      "Not run: the submission did not compile.",
    );
  });
  it("is null when failing tests differ, or only one fails", () => {
    expect(sharedFailure(view([t("a", false, "x"), t("b", false, "y")]))).toBeNull();
    expect(sharedFailure(view([t("a", false, "x"), t("b", true, null)]))).toBeNull();
  });
});
