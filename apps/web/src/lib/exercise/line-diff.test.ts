import { describe, expect, it } from "vitest";
import { collapseUnchanged, diffLines, diffStats, splitLines, type DiffLine } from "./line-diff.ts";

function rebuild(lines: DiffLine[], side: "old" | "new"): string[] {
  return lines.filter((l) => l.op === "equal" || l.op === (side === "old" ? "delete" : "insert")).map((l) => l.text);
}

describe("splitLines", () => {
  it("drops one trailing newline and normalises CRLF", () => {
    expect(splitLines("a\r\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
  });
});

describe("diffLines (numbered lines over the diff package)", () => {
  it("reports identical texts, with or without a final newline or CRLF, as all equal", () => {
    const d = diffLines("a\r\nb\r\n", "a\nb");
    expect(d.map((l) => l.op)).toEqual(["equal", "equal"]);
    expect(diffStats(d)).toEqual({ added: 0, removed: 0 });
  });

  it("handles empty sides", () => {
    expect(diffLines("", "x\ny")).toEqual([
      { op: "insert", text: "x", newLine: 1 },
      { op: "insert", text: "y", newLine: 2 },
    ]);
    expect(diffLines("x", "")).toEqual([{ op: "delete", text: "x", oldLine: 1 }]);
    expect(diffLines("", "")).toEqual([]);
  });

  it("numbers a replaced line in the middle on both sides", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc")).toEqual([
      { op: "equal", text: "a", oldLine: 1, newLine: 1 },
      { op: "delete", text: "b", oldLine: 2 },
      { op: "insert", text: "B", newLine: 2 },
      { op: "equal", text: "c", oldLine: 3, newLine: 3 },
    ]);
  });

  it("keeps empty lines and rebuilds both texts", () => {
    const a = ["x", "", "y", "", ""];
    const b = ["", "x", "y", "z", ""];
    const d = diffLines(a.join("\n"), b.join("\n"));
    expect(rebuild(d, "old")).toEqual(splitLines(a.join("\n")));
    expect(rebuild(d, "new")).toEqual(splitLines(b.join("\n")));
  });
});

describe("collapseUnchanged", () => {
  it("keeps context around changes and counts skipped lines", () => {
    const old = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const neu = [...old];
    neu[10] = "changed";
    const chunks = collapseUnchanged(diffLines(old.join("\n"), neu.join("\n")), 2);
    expect(chunks.map((c) => c.kind)).toEqual(["skip", "lines", "skip"]);
    expect(chunks[0]).toEqual({ kind: "skip", count: 8 });
    expect(chunks[2]).toEqual({ kind: "skip", count: 7 });
    const shown = chunks[1]!.kind === "lines" ? chunks[1]!.lines : [];
    expect(shown.map((l) => l.text)).toEqual(["l8", "l9", "l10", "changed", "l11", "l12"]);
  });
});
