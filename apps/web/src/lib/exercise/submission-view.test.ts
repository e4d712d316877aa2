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

describe("diagnoses in the submission view", () => {
  const hint = { mutant: "no-bias", en: "Your output leaves out the bias.", "zh-CN": "你的输出漏掉了偏置。" };
  const diagnoses = JSON.stringify([{ key: "mutant.no-bias", message: hint.en, feedback: [{ key: "diagnosis.hint", params: hint }], tests: ["zero input: the output is the bias"], mutant: "no-bias" }]);
  const failed = (over: Partial<NonNullable<StoredSubmission["gradingJob"]>>): StoredSubmission =>
    stored({
      gradingJob: {
        status: "graded",
        outcome: "failed",
        score: 0,
        maxScore: 10,
        error: null,
        finishedAt: new Date("2026-01-02T03:04:05Z"),
        testResults: [{ name: "zero input: the output is the bias", passed: false, points: 0, maxPoints: 10, message: "wrong" }],
        ...over,
      },
    });
  const scale = { points: 100, latePenalty: 0 };
  const at = new Date("2026-01-02T03:04:06Z").getTime();

  it("is pending for a moment after a failing grade, then absent when none ever came", () => {
    expect(toSubmissionView(failed({ diagnoses: null }), scale, undefined, at)).toMatchObject({ diagnosisPending: true });
    const later = toSubmissionView(failed({ diagnoses: null }), scale, undefined, at + 60_000);
    expect(later).not.toHaveProperty("diagnosisPending");
    expect(later).not.toHaveProperty("diagnoses");
  });

  it("shows the stored diagnoses in the viewer's language, test names translated", () => {
    const en = toSubmissionView(failed({ diagnoses }), scale, undefined, at);
    expect(en.diagnoses).toEqual([{ key: "mutant.no-bias", message: hint.en, tests: ["zero input: the output is the bias"] }]);
    expect(en).not.toHaveProperty("diagnosisPending");
    const zh = toSubmissionView(failed({ diagnoses }), scale, { locale: "zh-CN", testNames: { "zh-CN": { "zero input: the output is the bias": "零输入：输出就是偏置" } } }, at);
    expect(zh.diagnoses).toEqual([{ key: "mutant.no-bias", message: hint["zh-CN"], tests: ["零输入：输出就是偏置"] }]);
  });

  it("says nothing about diagnoses for a passing grade or one still running", () => {
    expect(toSubmissionView(failed({ outcome: "passed", diagnoses: null }), scale, undefined, at)).not.toHaveProperty("diagnosisPending");
    expect(toSubmissionView(failed({ status: "running", diagnoses }), scale, undefined, at)).not.toHaveProperty("diagnoses");
  });
});
