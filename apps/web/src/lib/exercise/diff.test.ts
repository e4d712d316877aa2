import { describe, expect, it } from "vitest";
import { collapseUnchanged, diffLines, diffStats, splitLines, type DiffLine } from "./diff.ts";

function rebuild(lines: DiffLine[], side: "old" | "new"): string[] {
  return lines.filter((l) => l.op === "equal" || l.op === (side === "old" ? "delete" : "insert")).map((l) => l.text);
}

function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}

describe("splitLines", () => {
  it("drops one trailing newline and normalises CRLF", () => {
    expect(splitLines("a\r\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
  });
});

describe("diffLines", () => {
  it("reports identical texts as all equal", () => {
    const d = diffLines("a\nb\n", "a\nb\n");
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

  it("finds a replaced line in the middle with line numbers on both sides", () => {
    const d = diffLines("a\nb\nc", "a\nB\nc");
    expect(d).toEqual([
      { op: "equal", text: "a", oldLine: 1, newLine: 1 },
      { op: "delete", text: "b", oldLine: 2 },
      { op: "insert", text: "B", newLine: 2 },
      { op: "equal", text: "c", oldLine: 3, newLine: 3 },
    ]);
  });

  it("produces a minimal script that rebuilds both texts (random cases against an LCS)", () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let t = 0; t < 300; t++) {
      const a = Array.from({ length: Math.floor(rand() * 12) }, () => "abcd"[Math.floor(rand() * 4)]!);
      const b = Array.from({ length: Math.floor(rand() * 12) }, () => "abcd"[Math.floor(rand() * 4)]!);
      const d = diffLines(a.join("\n"), b.join("\n"));
      expect(rebuild(d, "old")).toEqual(a);
      expect(rebuild(d, "new")).toEqual(b);
      const { added, removed } = diffStats(d);
      const lcs = lcsLength(a, b);
      expect(removed).toBe(a.length - lcs);
      expect(added).toBe(b.length - lcs);
    }
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
