import { describe, expect, it } from "vitest";
import { parseRosterCsv, rosterCsv } from "./roster-csv.ts";

describe("roster CSV import", () => {
  it("reads rows with a BOM, quoted commas, Chinese names, an empty role (student) and blank lines", () => {
    const text = '\uFEFFEmail,Name,Role\r\nLi@Example.com,"Li, Lei",TA\r\n\r\nwang@example.com,王芳,\r\n';
    expect(parseRosterCsv(text, "en")).toEqual({
      ok: true,
      rows: [
        { email: "li@example.com", name: "Li, Lei", role: "ta" },
        { email: "wang@example.com", name: "王芳", role: "student" },
      ],
    });
  });

  it("accepts the columns in any order and without a role column", () => {
    expect(parseRosterCsv("name,email\nAda,ada@example.com\n", "en")).toEqual({ ok: true, rows: [{ email: "ada@example.com", name: "Ada", role: "student" }] });
  });

  it.each([
    ["email,name,role\nok@example.com,Ok,student\nnot-an-email,Bad,student\n", 3, "Line 3: “not-an-email” is not an email address."],
    ["email,name,role\nok@example.com,,student\n", 2, "Line 2: the name is missing."],
    ["email,name,role\nok@example.com,Ok,teacher\n", 2, "Line 2: the role “teacher” is not student, ta or instructor."],
    ["email,name,role\na@example.com,A,\n\nA@example.com,Again,\n", 4, "Line 4: a@example.com is already on line 2."],
    ["mail,fullname\nx@example.com,X\n", 1, "Line 1 must name the columns email, name and role (found: mail, fullname)."],
  ])("reports the first bad row by its line number: %j", (text, line, message) => {
    expect(parseRosterCsv(text, "en")).toEqual({ ok: false, line, message });
  });

  it("reports unreadable CSV, an empty file and messages in Chinese", () => {
    const broken = parseRosterCsv('email,name\n"x@example.com,X\n', "en");
    expect(broken).toMatchObject({ ok: false, line: 2 });
    expect(broken.ok ? "" : broken.message).toMatch(/^Line 2: the CSV cannot be read here/);
    expect(parseRosterCsv("", "en")).toEqual({ ok: false, line: null, message: "The CSV is empty." });
    expect(parseRosterCsv("email,name,role\n", "en")).toEqual({ ok: false, line: null, message: "The CSV is empty." });
    expect(parseRosterCsv("email,name,role\nbad,B,student\n", "zh-CN")).toEqual({ ok: false, line: 2, message: "第 2 行：“bad”不是有效的邮箱地址。" });
  });
});

describe("roster CSV export", () => {
  it("starts with a UTF-8 BOM, quotes what needs quoting and defuses formulas", () => {
    const csv = rosterCsv([
      { userId: "u1", name: "李雷, Li", email: "li@example.com", role: "student", joinedAt: new Date("2026-01-02T03:04:05Z"), joinCode: "DLTS-2026", submissions: 3 },
      { userId: "u2", name: "=HYPERLINK()", email: "x@example.com", role: "ta", joinedAt: new Date("2026-01-03T00:00:00Z"), joinCode: null, submissions: 0 },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "email,name,role,joined,join_code,submissions",
      'li@example.com,"李雷, Li",student,2026-01-02T03:04:05.000Z,DLTS-2026,3',
      "x@example.com,'=HYPERLINK(),ta,2026-01-03T00:00:00.000Z,,0",
      "",
    ]);
    // What it exports, it imports back.
    expect(parseRosterCsv(csv, "en")).toMatchObject({ ok: true, rows: [{ email: "li@example.com", name: "李雷, Li", role: "student" }, { role: "ta" }] });
  });
});
