/**
 * Line diffs between two attempts' code for the history page and the staff submission viewer.
 * The edit script comes from the `diff` package; this module only numbers its lines, counts
 * them and collapses long unchanged runs for display. Pure.
 */
import { diffLines as packageDiffLines } from "diff";

export type DiffOp = "equal" | "insert" | "delete";

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** 1-based line number in the old text (equal/delete). */
  oldLine?: number;
  /** 1-based line number in the new text (equal/insert). */
  newLine?: number;
}

/** Splits text into lines; a trailing newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The edit script turning `oldText` into `newText`, one entry per line with its line numbers.
 * Line endings are normalised first, and both texts end with a newline, so "a" and "a\n" are the
 * same line rather than a change.
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const normal = (t: string) => splitLines(t).map((l) => `${l}\n`).join("");
  const out: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const change of packageDiffLines(normal(oldText), normal(newText))) {
    for (const text of splitLines(change.value)) {
      if (change.added) out.push({ op: "insert", text, newLine: newLine++ });
      else if (change.removed) out.push({ op: "delete", text, oldLine: oldLine++ });
      else out.push({ op: "equal", text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  return out;
}

export interface DiffStats {
  added: number;
  removed: number;
}

export function diffStats(lines: readonly DiffLine[]): DiffStats {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === "insert") added++;
    else if (l.op === "delete") removed++;
  }
  return { added, removed };
}

export type DiffChunk = { kind: "lines"; lines: DiffLine[] } | { kind: "skip"; count: number };

/** Collapses long runs of unchanged lines, keeping `context` lines around each change. */
export function collapseUnchanged(lines: readonly DiffLine[], context = 3): DiffChunk[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((l, i) => {
    if (l.op === "equal") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const chunks: DiffChunk[] = [];
  let i = 0;
  while (i < lines.length) {
    const kept = keep[i];
    const start = i;
    while (i < lines.length && keep[i] === kept) i++;
    chunks.push(kept ? { kind: "lines", lines: lines.slice(start, i) } : { kind: "skip", count: i - start });
  }
  return chunks;
}
