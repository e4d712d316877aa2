/** Map a line/column in compiled submission code back to the student's TypeScript (source map v3). */

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_INDEX.get(ch);
    if (digit === undefined) throw new Error(`bad source map character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface Position {
  line: number;
  column: number;
}

/**
 * `generated` is 1-based line and column (as in a V8 stack trace); returns the 1-based original
 * position of the closest mapping at or before it on that line, or undefined.
 */
export function originalPosition(sourceMapJson: string, generated: Position): Position | undefined {
  let map: { mappings?: unknown };
  try {
    map = JSON.parse(sourceMapJson) as { mappings?: unknown };
  } catch {
    return undefined;
  }
  if (typeof map.mappings !== "string") return undefined;
  const lines = map.mappings.split(";");
  let srcLine = 0;
  let srcCol = 0;
  let srcIndex = 0;
  let nameIndex = 0;
  for (let l = 0; l < lines.length; l++) {
    let genCol = 0;
    let best: Position | undefined;
    for (const seg of (lines[l] as string).split(",")) {
      if (seg === "") continue;
      const f = decodeVlq(seg);
      genCol += f[0] ?? 0;
      if (f.length >= 4) {
        srcIndex += f[1] ?? 0;
        srcLine += f[2] ?? 0;
        srcCol += f[3] ?? 0;
        if (f.length >= 5) nameIndex += f[4] ?? 0;
        if (l === generated.line - 1 && genCol <= generated.column - 1) best = { line: srcLine + 1, column: srcCol + 1 };
      }
    }
    if (l === generated.line - 1) return best;
  }
  void srcIndex;
  void nameIndex;
  return undefined;
}
