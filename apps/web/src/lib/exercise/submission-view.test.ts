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

  it("shows test names, messages and the submission's message in the viewer's language", () => {
    const notRun = JSON.stringify([{ key: "notRun.compileError", params: {} }]);
    const graded = stored({
      gradingJob: {
        status: "graded",
        outcome: "compile_error",
        score: 0,
        maxScore: 10,
        error: "Your code did not compile. line 3, column 20: Expected identifier but found end of file",
        errorFeedback: JSON.stringify([
          { key: "submission.compileError", params: { errors: [{ line: 3, column: 20, message: "Expected identifier but found end of file" }] } },
        ]),
        testResults: [
          { name: "N = 1", passed: false, points: 0, maxPoints: 5, message: "Not run: the submission did not compile.", feedback: notRun },
          { name: "large inputs (|x| ~ 1e3)", passed: false, points: 0, maxPoints: 5, message: "Not run: the submission did not compile.", feedback: null },
        ],
      },
    });
    const scale = { points: 10, latePenalty: 0 };
    const zh = toSubmissionView(graded, scale, { locale: "zh-CN", testNames: { "zh-CN": { "large inputs (|x| ~ 1e3)": "大输入（|x| ~ 1e3）" } } });
    expect(zh.error).toBe("你的代码无法编译。第 3 行，第 20 列：Expected identifier but found end of file");
    expect(zh.tests).toEqual([
      { name: "N = 1", passed: false, points: 0, maxPoints: 5, message: "未运行：提交的代码无法编译。" },
      // A result stored without structured feedback (an older grade) keeps its English message.
      { name: "大输入（|x| ~ 1e3）", passed: false, points: 0, maxPoints: 5, message: "Not run: the submission did not compile." },
    ]);
    const en = toSubmissionView(graded, scale);
    expect(en.error).toBe("Your code did not compile. line 3, column 20: Expected identifier but found end of file");
    expect(en.tests.map((t) => [t.name, t.message])).toEqual([
      ["N = 1", "Not run: the submission did not compile."],
      ["large inputs (|x| ~ 1e3)", "Not run: the submission did not compile."],
    ]);
    const failed = stored({ gradingJob: { status: "failed", outcome: null, score: null, maxScore: null, error: "ECONNREFUSED" } });
    expect(toSubmissionView(failed, scale, { locale: "zh-CN" }).error).toBe("评分未能完成。你的这次尝试已保留；请联系你的老师。");
  });

  it("treats a submission without a job yet as queued", () => {
    expect(toSubmissionView(stored({ gradingJob: null }), { points: 1, latePenalty: 0 }).status).toBe("queued");
  });
});
