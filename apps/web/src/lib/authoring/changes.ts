// What changed between two versions of an exercise folder, file by file, with unified-diff hunks
// (the `diff` package): shown before publishing, so the instructor sees what students will get.
import { structuredPatch } from "diff";

export interface FileChange {
  path: string;
  status: "added" | "removed" | "changed";
  /** Lines of the hunks, each starting with " ", "+" or "-" (hunk headers start with "@@"). */
  lines: string[];
  added: number;
  removed: number;
}

export function bundleChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): FileChange[] {
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: FileChange[] = [];
  for (const path of paths) {
    const a = before[path];
    const b = after[path];
    if (a === b) continue;
    const patch = structuredPatch(path, path, a ?? "", b ?? "", "", "", { context: 2 });
    const lines = patch.hunks.flatMap((h) => [
      `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`,
      ...h.lines,
    ]);
    out.push({
      path,
      status: a === undefined ? "added" : b === undefined ? "removed" : "changed",
      lines,
      added: lines.filter((l) => l.startsWith("+")).length,
      removed: lines.filter((l) => l.startsWith("-")).length,
    });
  }
  return out;
}
