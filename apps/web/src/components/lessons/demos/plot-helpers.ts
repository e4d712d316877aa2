/** Small formatting and layout helpers shared by the demo views of lessons 5 and 9–12. */

export const r3 = (v: number | undefined): string => (v === undefined ? "–" : Number.isFinite(v) ? v.toFixed(3) : String(v));
export const percent = (v: number): string => `${(v * 100).toFixed(1)} %`;

/** Lays out same-sized maps [n][h][w] in a grid `perRow` wide, with a one-cell gap (NaN) between them. */
export function tileMaps(maps: readonly (readonly (readonly number[])[])[], perRow: number): number[][] {
  const h = maps[0]?.length ?? 0;
  const w = maps[0]?.[0]?.length ?? 0;
  const gridRows = Math.ceil(maps.length / perRow);
  const out: number[][] = [];
  for (let gr = 0; gr < gridRows; gr++) {
    if (gr > 0) out.push(new Array<number>(perRow * (w + 1) - 1).fill(Number.NaN));
    for (let r = 0; r < h; r++) {
      const row: number[] = [];
      for (let gc = 0; gc < perRow; gc++) {
        if (gc > 0) row.push(Number.NaN);
        const m = maps[gr * perRow + gc];
        for (let c = 0; c < w; c++) row.push(m?.[r]?.[c] ?? Number.NaN);
      }
      out.push(row);
    }
  }
  return out;
}

/** Row and column (1-based) of the largest value of a grid. */
export function argmax2d(values: readonly (readonly number[])[]): { r: number; c: number; v: number } {
  let best = { r: 1, c: 1, v: -Infinity };
  values.forEach((row, r) => row.forEach((v, c) => (v > best.v ? (best = { r: r + 1, c: c + 1, v }) : undefined)));
  return best;
}
