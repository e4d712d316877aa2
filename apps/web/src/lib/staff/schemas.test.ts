import { describe, expect, it } from "vitest";
import { joinCodeCreateSchema, newCourseSchema, passwordChangeSchema, profileSchema, roleChangeSchema } from "./schemas.ts";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe("staff input rules", () => {
  it("a new course: slug normalised and checked, optional Chinese fields empty → null, checkbox values", () => {
    expect(newCourseSchema("en").parse({ slug: " ML-101 ", title: " ML ", titleZh: "", description: "About", descriptionZh: "  ", language: "zh-CN", published: true })).toEqual({
      slug: "ml-101",
      title: "ML",
      titleZh: null,
      description: "About",
      descriptionZh: null,
      language: "zh-CN",
      published: true,
    });
    expect(newCourseSchema("en").parse({ slug: "abc", title: "T", description: "D", language: "en" }).published).toBe(false);
    expect(messages(newCourseSchema("en").safeParse({ slug: "-x", title: "", description: "", language: "fr" }))).toEqual([
      "The title is required.",
      "The description is required.",
      expect.stringContaining("Invalid option"),
      "The address must be 3 to 60 lowercase letters, digits and hyphens, starting with a letter or digit.",
    ]);
    expect(messages(newCourseSchema("zh-CN").safeParse({ slug: "a b", title: "x".repeat(121), description: "d", language: "en" }))).toEqual(["标题最多 120 个字符。", "地址须为 3 到 60 个小写字母、数字和连字符，并以字母或数字开头。"]);
  });

  it("a join code: optional code upper-cased, empty numbers absent, ranges explained", () => {
    expect(joinCodeCreateSchema("en").parse({ code: " ta-2026 ", role: "ta", validDays: "", maxUses: "30" })).toEqual({ code: "TA-2026", role: "ta", validDays: null, maxUses: 30 });
    expect(joinCodeCreateSchema("en").parse({ role: "student" })).toEqual({ code: undefined, role: "student", validDays: null, maxUses: null });
    expect(messages(joinCodeCreateSchema("en").safeParse({ code: "no spaces", role: "admin", validDays: "400", maxUses: "1.5" }))).toEqual([
      "A code is 3 to 40 letters, digits and hyphens.",
      "Choose student, teaching assistant or instructor.",
      "The validity must be a whole number of days from 1 to 365.",
      "Maximum uses must be a whole number from 1 to 10000.",
    ]);
  });

  it("role changes, profile and password changes", () => {
    expect(messages(roleChangeSchema("en").safeParse({ userId: "u1", role: "owner" }))).toEqual(["Choose student, teaching assistant or instructor."]);
    expect(profileSchema("en").parse({ name: " Ada ", locale: "zh-CN" })).toEqual({ name: "Ada", locale: "zh-CN" });
    expect(messages(profileSchema("zh-CN").safeParse({ name: " ", locale: "en" }))).toEqual(["请填写姓名。"]);
    expect(messages(passwordChangeSchema("en").safeParse({ current: "x", password: "onlyletters" }))).toEqual(["The password must contain at least one digit."]);
  });
});
