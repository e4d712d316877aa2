import { describe, expect, it } from "vitest";
import { AssignmentSettingsSchema, DomainError } from "@course/db";
import { ApiError } from "../api-error.ts";
import { inLocale, localizeMessage } from "./assess-errors.ts";

describe("staff API errors in the reader's language", () => {
  it("translates field messages and keeps them per field", async () => {
    const run = () => inLocale("zh-CN", async () => AssignmentSettingsSchema.parse({ dueAt: "2026-01-10T00:00:00Z", lateDueAt: "2026-01-09T00:00:00Z", latePenalty: 2, points: 10, scoringPolicy: "best" }));
    await expect(run()).rejects.toBeInstanceOf(ApiError);
    await expect(run()).rejects.toMatchObject({
      status: 400,
      code: "invalid_input",
      message: "部分字段无效：请查看字段旁的提示。",
      fields: { lateDueAt: "迟交截止时间必须晚于截止时间。", latePenalty: "迟交扣分是 0 到 1 之间的比例。" },
    });
  });
  it("keeps English for English readers, and maps rule errors to their status", async () => {
    await expect(inLocale("en", async () => AssignmentSettingsSchema.parse({ latePenalty: 0, points: 0, scoringPolicy: "best" }))).rejects.toMatchObject({ fields: { points: "Points must be more than 0." } });
    await expect(inLocale("zh-CN", async () => Promise.reject(new DomainError("conflict", "This course already has an assignment for that exercise.")))).rejects.toMatchObject({ status: 409, message: "本课程已有该练习的作业。" });
  });
  it("translates messages with numbers, and leaves unknown ones as they are", () => {
    expect(localizeMessage("Students have already submitted 3 times; an assignment with submissions cannot be deleted (close it by setting its due date instead).", "zh-CN")).toBe("学生已经提交了 3 次；有提交的作业不能删除（可以通过设置截止时间来关闭它）。");
    expect(localizeMessage("Something new.", "zh-CN")).toBe("Something new.");
  });
});
