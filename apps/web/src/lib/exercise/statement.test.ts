import { describe, expect, it } from "vitest";
import { stripLeadingTitle } from "./statement.ts";

describe("stripLeadingTitle", () => {
  it("removes only a leading level-1 heading", () => {
    expect(stripLeadingTitle("# Dense\n\nCompute $y$.\n# Not first")).toBe("\nCompute $y$.\n# Not first");
    expect(stripLeadingTitle("\n# Title\nBody")).toBe("Body");
  });
  it("keeps statements without one, and level-2 headings", () => {
    expect(stripLeadingTitle("Intro\n# Later")).toBe("Intro\n# Later");
    expect(stripLeadingTitle("## Section\nx")).toBe("## Section\nx");
    expect(stripLeadingTitle("#hashtag")).toBe("#hashtag");
  });
});
