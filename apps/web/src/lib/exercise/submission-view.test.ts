import { describe, expect, it } from "vitest";
import { GRADING_FAILED_MESSAGE, toSubmissionView, type StoredSubmission } from "./submission-view.ts";

const stored = (over: Partial<StoredSubmission>): StoredSubmission => ({
  id: "s1",
  attemptNumber: 1,
  createdAt: new Date("2026-01-02T03:04:05Z"),
  isLate: false,
  code: "export const x = 1;",
  rawScore: null,
  score: null,
  maxScore: null,
  gradingJob: { status: "queued", outcome: null, score: null, maxScore: null, error: null, testResults: [] },
  ...over,
});

describe("toSubmissionView", () => {
  it("shows no score or tests while queued or running", () => {
    const v = toSubmissionView(stored({}), { points: 100, latePenalty: 0 });
    expect(v).toMatchObject({ status: "queued", score: null, tests: [], outcome: null });
    expect(v).not.toHaveProperty("code");
  });

  it("applies the late penalty when the stored score is missing", () => {
    const v = toSubmissionView(
      stored({
        isLate: true,
        gradingJob: {
          status: "graded",
          outcome: "passed",
          score: 10,
          maxScore: 10,
          error: null,
          testResults: [{ name: "shape", passed: true, points: 10, maxPoints: 10, message: null }],
        },
      }),
      { points: 50, latePenalty: 0.25 },
    );
    expect(v).toMatchObject({ status: "graded", rawScore: 10, maxRawScore: 10, score: 37.5, isLate: true });
    expect(v.tests).toEqual([{ name: "shape", passed: true, points: 10, maxPoints: 10, message: null }]);
  });

  it("hides an infrastructure failure's internal reason", () => {
    const v = toSubmissionView(
      stored({ gradingJob: { status: "failed", outcome: null, score: null, maxScore: null, error: "ECONNREFUSED /var/run/x" } }),
      { points: 100, latePenalty: 0 },
    );
    expect(v.error).toBe(GRADING_FAILED_MESSAGE);
    expect(JSON.stringify(v)).not.toContain("ECONNREFUSED");
  });

  it("treats a submission without a job yet as queued", () => {
    expect(toSubmissionView(stored({ gradingJob: null }), { points: 1, latePenalty: 0 }).status).toBe("queued");
  });
});
