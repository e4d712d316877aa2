/**
 * Line diff (Myers' O((N+M)D) greedy algorithm with a trace for backtracking). Pure; used by the
 * submission history to show what changed between two attempts.
 */

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

/** The shortest edit script turning `a` into `b`, as a list of lines. */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v);
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) {
        x = v[offset + k + 1] as number; // down: insertion
      } else {
        x = (v[offset + k - 1] as number) + 1; // right: deletion
      }
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);

  // Backtrack from (n, m) through the recorded frontiers.
  const ops: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const prev = trace[d] as Int32Array;
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && (prev[offset + k - 1] as number) < (prev[offset + k + 1] as number))) {
      prevK = k + 1;
    } else {
      prevK = k - 1;
    }
    const prevX = d === 0 ? 0 : (prev[offset + prevK] as number);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ op: "equal", text: a[x] as string, oldLine: x + 1, newLine: y + 1 });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        ops.push({ op: "insert", text: b[y] as string, newLine: y + 1 });
      } else {
        x--;
        ops.push({ op: "delete", text: a[x] as string, oldLine: x + 1 });
      }
    }
  }
  ops.reverse();
  return ops;
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

export type DiffChunk =
  | { kind: "lines"; lines: DiffLine[] }
  | { kind: "skip"; count: number };

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
    if (keep[i]) {
      const run: DiffLine[] = [];
      while (i < lines.length && keep[i]) run.push(lines[i++] as DiffLine);
      chunks.push({ kind: "lines", lines: run });
    } else {
      let count = 0;
      while (i < lines.length && !keep[i]) {
        count++;
        i++;
      }
      chunks.push({ kind: "skip", count });
    }
  }
  return chunks;
}
