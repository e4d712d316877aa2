"use client";
/**
 * A heatmap on a canvas (attention weights, gates, encodings, decision regions) with its text
 * alternative: a summary sentence and, when small enough to read, the values as a table.
 */
import { useEffect, useRef } from "react";
import { DataTable } from "./DataTable.tsx";

export interface HeatmapProps {
  title: string;
  summary: string;
  tableLabel: string;
  /** rows × cols values. */
  values: readonly (readonly number[])[];
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** "diverging": blue below 0, red above (symmetric); "sequential": white → blue from min to max. */
  scale: "diverging" | "sequential";
  /** Fixed value range; by default the data's. */
  range?: readonly [number, number];
  /** Cell size in CSS pixels (the canvas shrinks to fit the column). */
  cell?: number;
  /** Hide the table when there are too many cells to read (the summary remains). */
  maxTableCells?: number;
  /** Polylines drawn over the cells, in cell coordinates (col, row; fractions allowed). */
  paths?: readonly HeatmapPath[];
}

export interface HeatmapPath {
  points: readonly (readonly [number, number])[];
  color: string;
  dash?: boolean;
}

function color(v: number, lo: number, hi: number, scale: HeatmapProps["scale"]): string {
  if (!Number.isFinite(v)) return "#888";
  if (scale === "sequential") {
    const t = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
    return `rgb(${Math.round(255 - 225 * t)}, ${Math.round(255 - 155 * t)}, ${Math.round(255 - 40 * t)})`;
  }
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  const t = Math.min(1, Math.abs(v) / m);
  return v >= 0 ? `rgb(255, ${Math.round(255 - 190 * t)}, ${Math.round(255 - 200 * t)})` : `rgb(${Math.round(255 - 200 * t)}, ${Math.round(255 - 130 * t)}, 255)`;
}

export function Heatmap({ title, summary, tableLabel, values, rowLabels, colLabels, scale, range, cell = 28, maxTableCells = 400, paths = [] }: HeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const flat = values.flat().filter(Number.isFinite);
  const lo = range?.[0] ?? (flat.length ? Math.min(...flat) : 0);
  const hi = range?.[1] ?? (flat.length ? Math.max(...flat) : 1);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const dpr = globalThis.devicePixelRatio || 1;
    c.width = cols * cell * dpr;
    c.height = rows * cell * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        ctx.fillStyle = color(v, lo, hi, scale);
        ctx.fillRect(j * cell, i * cell, cell, cell);
      }),
    );
    for (const path of paths) {
      ctx.beginPath();
      ctx.strokeStyle = path.color;
      ctx.fillStyle = path.color;
      ctx.lineWidth = 2;
      ctx.setLineDash(path.dash ? [5, 4] : []);
      path.points.forEach(([x, y], k) => (k === 0 ? ctx.moveTo((x + 0.5) * cell, (y + 0.5) * cell) : ctx.lineTo((x + 0.5) * cell, (y + 0.5) * cell)));
      ctx.stroke();
      const last = path.points.at(-1);
      if (last) {
        ctx.beginPath();
        ctx.arc((last[0] + 0.5) * cell, (last[1] + 0.5) * cell, 4, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }, [values, rows, cols, cell, lo, hi, scale, paths]);

  const showTable = rows * cols <= maxTableCells;
  return (
    <figure className="demo-heatmap" data-testid="demo-heatmap" data-rows={rows} data-cols={cols}>
      <div className="demo-heatmap-grid" aria-hidden="true" style={{ gridTemplateColumns: rowLabels ? "auto 1fr" : "1fr" }}>
        {colLabels ? (
          <>
            {rowLabels ? <span /> : null}
            <div className="demo-heatmap-cols" style={{ width: cols * cell, maxWidth: "100%" }}>
              {colLabels.map((l, j) => (
                <span key={j} style={{ width: `${100 / cols}%` }}>
                  {l}
                </span>
              ))}
            </div>
          </>
        ) : null}
        {rowLabels ? (
          <div className="demo-heatmap-rows">
            {rowLabels.map((l, i) => (
              <span key={i} style={{ height: cell }}>
                {l}
              </span>
            ))}
          </div>
        ) : null}
        <canvas ref={canvas} style={{ width: cols * cell, height: rows * cell, maxWidth: "100%" }} />
      </div>
      <figcaption className="small">
        <strong>{title}.</strong> {summary}
      </figcaption>
      {showTable ? (
        <DataTable
          label={tableLabel}
          caption={title}
          columns={["", ...(colLabels ?? Array.from({ length: cols }, (_, j) => String(j)))]}
          rows={values.map((row, i) => [rowLabels?.[i] ?? String(i), ...row])}
        />
      ) : null}
    </figure>
  );
}
