import { describe, expect, it } from "vitest";
import { parseBenchSizes } from "./sizes.ts";

describe("bench sizes from the command line", () => {
  it("keeps the defaults when no flag is given and reads the ones given", () => {
    expect(parseBenchSizes(["--json", "--only", "load"])).toEqual({});
    expect(parseBenchSizes(["--only", "load", "--students", "20", "--per-student", "5"])).toEqual({ students: 20, perStudent: 5 });
    expect(parseBenchSizes(["--gradings", "2000"])).toEqual({ gradings: 2000 });
  });

  it("names the flag when its value is missing or not a positive whole number", () => {
    expect(() => parseBenchSizes(["--gradings"])).toThrow(/--gradings needs a positive whole number/);
    expect(() => parseBenchSizes(["--students", "-3"])).toThrow(/--students needs a positive whole number/);
    expect(() => parseBenchSizes(["--per-student", "2.5"])).toThrow(/--per-student needs a positive whole number/);
  });
});
