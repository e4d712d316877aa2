// The staff assessment APIs answer in the reader's language: the repositories' validation and
// rule messages are English (packages/db), so the routes translate them here, field by field.
import { z } from "zod";
import { DomainError, domainErrorStatus } from "@course/db";
import { ApiError } from "../api-error.ts";
import type { Locale } from "../i18n/index.ts";

/** English message (exact) → Simplified Chinese. */
const ZH: Record<string, string> = {
  "Allow at least one attempt, or leave empty for unlimited.": "至少允许一次尝试；留空表示不限。",
  "An extension needs a new due date, a new late due date or extra attempts.": "延期需要新的截止时间、新的迟交截止时间或额外尝试次数。",
  "At most 1000 attempts.": "最多 1000 次尝试。",
  "At most 1000 extra attempts.": "最多 1000 次额外尝试。",
  "At most 10000 points.": "分值最多为 10000。",
  "Choose a student.": "请选择学生。",
  "Choose a version.": "请选择版本。",
  "Choose an exercise.": "请选择练习。",
  "Enter a date and time.": "请输入日期和时间。",
  "Enter a number between 0 and 1.": "请输入 0 到 1 之间的数。",
  "Enter a whole number of attempts.": "请输入整数的尝试次数。",
  "Enter the points.": "请输入分值。",
  "Extra attempts cannot be negative.": "额外尝试次数不能为负数。",
  "Keep the reason under 500 characters.": "原因请少于 500 个字符。",
  "Points must be more than 0.": "分值必须大于 0。",
  "Set a due date before a late due date.": "设置迟交截止时间之前，请先设置截止时间。",
  "The due date must be after the opening date.": "截止时间必须晚于开放时间。",
  "The late due date must be after the due date.": "迟交截止时间必须晚于截止时间。",
  "The late penalty is a fraction between 0 and 1.": "迟交扣分是 0 到 1 之间的比例。",
  "This course already has an assignment for that exercise.": "本课程已有该练习的作业。",
  "No such assignment.": "没有这项作业。",
  "No such exercise.": "没有这个练习。",
  "No such extension.": "没有这项延期。",
  "That person is not a student of this course.": "此人不是本课程的学生。",
  "That version does not belong to this assignment's exercise.": "该版本不属于这项作业的练习。",
  "Some fields are invalid: check the messages next to them.": "部分字段无效：请查看字段旁的提示。",
};

/** Messages with a number in them: pattern → Chinese template ($1 = the number). */
const ZH_PATTERNS: [RegExp, string][] = [
  [/^Students have already submitted (\d+) times; an assignment with submissions cannot be deleted/, "学生已经提交了 $1 次；有提交的作业不能删除（可以通过设置截止时间来关闭它）。"],
  [/^Version (\d+) was recorded without its files and cannot grade/, "版本 $1 在记录时没有保存文件，无法评分；请重新发布。"],
];

export function localizeMessage(message: string, locale: Locale): string {
  if (locale !== "zh-CN") return message;
  const exact = ZH[message];
  if (exact) return exact;
  for (const [pattern, template] of ZH_PATTERNS) {
    const m = pattern.exec(message);
    if (m) return template.replace("$1", m[1] ?? "");
  }
  return message;
}

/**
 * Runs a staff API handler and re-throws its validation and rule errors as ApiErrors in the
 * reader's language (same status and codes as the generic mapping in lib/api.ts).
 */
export async function inLocale<T>(locale: Locale, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof z.ZodError) {
      const fields: Record<string, string> = {};
      let formLevel: string | undefined;
      for (const issue of error.issues) {
        const key = issue.path.map(String).join(".");
        if (key === "") formLevel ??= issue.message;
        else fields[key] ??= localizeMessage(issue.message, locale);
      }
      const hasFields = Object.keys(fields).length > 0;
      throw new ApiError(400, "invalid_input", localizeMessage(formLevel ?? "Some fields are invalid: check the messages next to them.", locale), hasFields ? fields : undefined);
    }
    if (error instanceof DomainError) throw new ApiError(domainErrorStatus(error.code), error.code, localizeMessage(error.message, locale));
    throw error;
  }
}
