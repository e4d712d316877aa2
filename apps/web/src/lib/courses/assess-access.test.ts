import { describe, expect, it } from "vitest";
import { staffMay } from "./assess-access.ts";

describe("staffMay", () => {
  it("lets instructors do everything", () => {
    for (const a of ["read", "extend", "regrade", "editAssignment"] as const) expect(staffMay("instructor", a)).toBe(true);
  });
  it("lets TAs read, extend and regrade but not edit assignment settings", () => {
    expect([staffMay("ta", "read"), staffMay("ta", "extend"), staffMay("ta", "regrade"), staffMay("ta", "editAssignment")]).toEqual([true, true, true, false]);
  });
  it("lets students do nothing", () => {
    for (const a of ["read", "extend", "regrade", "editAssignment"] as const) expect(staffMay("student", a)).toBe(false);
  });
});
