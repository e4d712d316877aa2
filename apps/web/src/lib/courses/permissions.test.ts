import { describe, expect, it } from "vitest";
import { allowedActions, can, COURSE_ACTIONS } from "./permissions.ts";

describe("course permissions", () => {
  it("instructors may do everything", () => {
    for (const action of COURSE_ACTIONS) expect(can("instructor", action)).toBe(true);
  });

  it("TAs read the staff pages and grade, but change no settings, roles or join codes", () => {
    expect(allowedActions("ta")).toEqual(["viewStaffPages", "grade"]);
    for (const action of ["manageCourse", "manageJoinCodes", "manageRoster", "manageAssignments", "viewAudit"] as const) expect(can("ta", action)).toBe(false);
  });

  it("students and non-members take no staff action", () => {
    expect(allowedActions("student")).toEqual([]);
    expect(allowedActions(null)).toEqual([]);
    expect(allowedActions(undefined)).toEqual([]);
  });
});
