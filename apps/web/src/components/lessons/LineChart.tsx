"use client";
/**
 * A line chart drawn by uPlot (small and fast: it redraws a few thousand points per frame without
 * effort), with its text alternative: a one-sentence summary and the data as a table. The canvas
 * itself is hidden from assistive technology; the table carries the same numbers.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { DataTable } from "./DataTable.tsx";

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  color: string;
  dash?: boolean;
}

export interface LineChartProps {
  title: string;
  /** One sentence saying what the chart shows now (read by screen readers, shown under the chart). */
  summary: string;
  tableLabel: string;
  xLabel: string;
  x: readonly number[];
  series: readonly ChartSeries[];
  yRange?: readonly [number, number];
  /** Draw points instead of lines (paths in a 2-D plane, say). */
  points?: boolean;
  height?: number;
}

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

export function LineChart({ title, summary, tableLabel, xLabel, x, series, yRange, points = false, height = 220 }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = `${series.map((s) => `${s.label}/${s.color}/${s.dash ? 1 : 0}`).join("|")}|${yRange?.join(",") ?? ""}|${points}`;
  const data: uPlot.AlignedData = [Float64Array.from(x), ...series.map((s) => s.values.map(finiteOrNull))];
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const width = () => Math.max(240, el.clientWidth);
    const u = new uPlot(
      {
        width: width(),
        height,
        legend: { show: true },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: false }, y: yRange ? { range: [yRange[0], yRange[1]] } : { auto: true } },
        axes: [{ label: xLabel, stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } }, { stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } }],
        series: [
          { label: xLabel },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            ...(s.dash ? { dash: [6, 4] } : {}),
            ...(points ? { paths: () => null, points: { show: true, size: 5, fill: s.color } } : { points: { show: false } }),
            spanGaps: false,
          })),
        ],
      },
      latest.current,
      el,
    );
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: width(), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Rebuilt only when the series change; data updates go through setData below.
  }, [shape, height, xLabel]);

  useEffect(() => {
    plot.current?.setData(data, yRange === undefined);
  });

  return (
    <figure className="demo-chart" data-testid="demo-chart" data-points={x.length} data-series={series.length}>
      <div ref={box} className="demo-chart-canvas" aria-hidden="true" />
      <figcaption className="small">
        <strong>{title}.</strong> {summary}
      </figcaption>
      <DataTable
        label={tableLabel}
        caption={title}
        columns={[xLabel, ...series.map((s) => s.label)]}
        rows={sampleRows(x.length, 24).map((i) => [x[i] ?? 0, ...series.map((s) => s.values[i] ?? null)])}
      />
    </figure>
  );
}

/** At most `max` evenly spread row indices, always including the last. */
export function sampleRows(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}
