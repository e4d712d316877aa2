import { describe, expect, it } from "vitest";
import { bundleChanges } from "./changes.ts";

describe("bundleChanges", () => {
  it("lists added, removed and changed files with their diff lines, and skips equal ones", () => {
    const before = { "a.ts": "one\ntwo\nthree\n", "gone.md": "bye\n", "same.json": "{}\n" };
    const after = { "a.ts": "one\n2\nthree\n", "new.ts": "hello\n", "same.json": "{}\n" };
    const changes = bundleChanges(before, after);
    expect(changes.map((c) => [c.path, c.status, c.added, c.removed])).toEqual([
      ["a.ts", "changed", 1, 1],
      ["gone.md", "removed", 0, 1],
      ["new.ts", "added", 1, 0],
    ]);
    expect(changes[0]!.lines).toEqual(["@@ -1,3 +1,3 @@", " one", "-two", "+2", " three"]);
  });

  it("is empty for identical folders", () => {
    expect(bundleChanges({ "x.ts": "x" }, { "x.ts": "x" })).toEqual([]);
  });
});
